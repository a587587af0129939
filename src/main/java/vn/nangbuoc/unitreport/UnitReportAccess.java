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
    return records.ofPeriod(period.code()).stream().filter(report -> all || area.contains(report.unitCode()))
        .toList();
  }

  UnitReportRow readable(String key, String userId) {
    UnitReportRow report = records.byKey(key).orElseThrow(() -> new NotFoundException("Không có báo cáo \"" + key
        + "\"."));
    if (!organisation.communesOf(userId).contains(report.unitCode())) {
      throw new ForbiddenException("Bạn không được xem báo cáo này: chỉ xem được báo cáo của đơn vị thuộc địa bàn"
          + " cơ quan mình.");
    }
    return report;
  }

  String unitName(String unitCode) {
    return organisation.unit(unitCode).map(unit -> unit.displayName()).orElse(unitCode);
  }
}
