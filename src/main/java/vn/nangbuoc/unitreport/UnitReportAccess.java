package vn.nangbuoc.unitreport;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.Roles;

/**
 * Who reads which report, by the rule of the case list: the unit lies in the reader's area (its own offices, the
 * receiving office above it, auditors of the area). Administrators follow every report's state; its content is
 * for the offices.
 */
@Component
class UnitReportAccess {

  private final UnitReportRecords records;
  private final OrganisationDirectory organisation;
  private final Roles roles;

  UnitReportAccess(UnitReportRecords records, OrganisationDirectory organisation, Roles roles) {
    this.records = records;
    this.organisation = organisation;
    this.roles = roles;
  }

  /** The period's reports the user follows: those of the units in his area, every one for administrators. */
  List<UnitReportRow> ofPeriod(ReportPeriod period, String userId) {
    boolean all = roles.isAdministrator(userId);
    Set<String> area = organisation.communesOf(userId);
    return records.ofPeriod(period.code()).stream().filter(report -> all || inArea(report, area)).toList();
  }

  UnitReportRow readable(String key, String userId) {
    UnitReportRow report = records.byKey(key).orElseThrow(() -> new NotFoundException("Không có báo cáo \"" + key
        + "\"."));
    if (!inArea(report, organisation.communesOf(userId))) {
      throw new ForbiddenException("Bạn không được xem báo cáo này: chỉ xem được báo cáo của đơn vị thuộc địa bàn"
          + " cơ quan mình.");
    }
    return report;
  }

  /** A commune's report in the commune's area; a consolidated one where every commune it covers is. */
  private boolean inArea(UnitReportRow report, Set<String> area) {
    Set<String> covered = organisation.communesUnder(report.unitCode());
    return !covered.isEmpty() && area.containsAll(covered);
  }

  String unitName(String unitCode) {
    if (unitCode == null) {
      return "(không gửi cấp trên: đơn vị cao nhất của kỳ báo cáo)";
    }
    return organisation.unit(unitCode).map(unit -> unit.displayName()).orElse(unitCode);
  }
}
