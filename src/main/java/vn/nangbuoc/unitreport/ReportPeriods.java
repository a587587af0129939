package vn.nangbuoc.unitreport;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.UnitLevel;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * An administrator declares a reporting period and opens it: every commune under the period's unit that exists
 * today gets its report, sent to the unit above it in the organisation data (after the 2025 reform the province,
 * before it the city), and its process, which waits until preparation opens.
 */
@Service
class ReportPeriods {

  /**
   * The plans' dates: communes report by 1 November, districts two weeks later, the province by 30 November; a
   * period that moves the communes' date moves the others with it unless it gives them.
   */
  static final MonthDay COMMUNE_DEADLINE = MonthDay.of(11, 1);
  static final int DISTRICT_DAYS_LATER = 14;
  static final int PROVINCE_DAYS_LATER = 29;
  static final int PREPARATION_MONTHS = 1;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,11}");

  record PeriodRequest(String code, String name, String kind, Integer planYear, LocalDate from, LocalDate to,
      String unit, List<String> indicators, LocalDate preparationOpens, LocalDate communeDeadline,
      LocalDate districtDeadline, LocalDate provinceDeadline) {
  }

  private final UnitReportRecords records;
  private final OrganisationDirectory organisation;
  private final UnitIndicators indicators;
  private final Roles roles;
  private final RuntimeService runtime;
  private final EngineSystem system;
  private final Consolidation consolidation;

  ReportPeriods(UnitReportRecords records, OrganisationDirectory organisation, UnitIndicators indicators, Roles roles,
      RuntimeService runtime, EngineSystem system, Consolidation consolidation) {
    this.records = records;
    this.organisation = organisation;
    this.indicators = indicators;
    this.roles = roles;
    this.runtime = runtime;
    this.system = system;
    this.consolidation = consolidation;
  }

  @Transactional
  ReportPeriod create(PeriodRequest request, String userId) {
    requireAdministrator(userId, "khai báo kỳ báo cáo");
    ReportPeriod period = read(request, userId);
    if (records.period(period.code()).isPresent()) {
      throw new InvalidInputException("Đã có kỳ báo cáo mã \"" + period.code() + "\".");
    }
    records.insertPeriod(period);
    return period;
  }

  /** Opens the period: one report and one process per reporting unit; answers the reports. */
  @Transactional
  List<UnitReportRow> open(String code, String userId) {
    requireAdministrator(userId, "mở kỳ báo cáo");
    ReportPeriod period = get(code);
    if (!records.markOpened(period.code(), userId, EngineTime.now())) {
      throw new InvalidInputException("Kỳ báo cáo \"" + period.code() + "\" đã được mở.");
    }
    for (String unitCode : organisation.communesUnder(period.rootUnitCode())) {
      AdministrativeUnit unit = organisation.unit(unitCode).orElseThrow();
      if (organisation.ended(unitCode).isPresent()) {
        continue;
      }
      String businessKey = "BC-" + period.code() + "-" + unitCode;
      records.insertReport(period.code(), unitCode, unit.parentCode(), period.deadlineOf(unit.level()), businessKey);
      system.run(() -> runtime.startProcessInstanceByKey(UnitReport.PROCESS_KEY, businessKey));
    }
    consolidation.openReceivers(period);
    return records.ofPeriod(period.code());
  }

  ReportPeriod get(String code) {
    return records.period(code == null ? "" : code.strip().toUpperCase())
        .orElseThrow(() -> new NotFoundException("Không có kỳ báo cáo mã \"" + code + "\"."));
  }

  private ReportPeriod read(PeriodRequest r, String userId) {
    String code = r.code() == null ? "" : r.code().strip().toUpperCase();
    if (!CODE.matcher(code).matches()) {
      throw new InvalidInputException("Mã kỳ báo cáo gồm 2–12 chữ in hoa, chữ số hoặc dấu gạch ngang, ví dụ"
          + " 2026 hoặc DOTXUAT-01.");
    }
    String name = r.name() == null ? "" : r.name().strip();
    if (name.isEmpty() || name.length() > 300 || name.matches(".*[<>\\[\\]].*")) {
      throw new InvalidInputException("Hãy ghi tên kỳ báo cáo (tối đa 300 ký tự, không có ký tự < > [ ]).");
    }
    ReportPeriod.Kind kind;
    try {
      kind = r.kind() == null ? ReportPeriod.Kind.ANNUAL : ReportPeriod.Kind.valueOf(r.kind().strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Loại kỳ báo cáo là ANNUAL (hằng năm) hoặc AD_HOC (đột xuất).");
    }
    int year = r.planYear() != null ? r.planYear() : EngineTime.today().getYear();
    LocalDate from = r.from() != null ? r.from() : LocalDate.of(year, 1, 1);
    LocalDate to = r.to() != null ? r.to() : LocalDate.of(year, 12, 31);
    if (to.isBefore(from)) {
      throw new InvalidInputException("Ngày kết thúc kỳ báo cáo phải từ ngày bắt đầu trở đi.");
    }
    AdministrativeUnit root = organisation.unit(r.unit() == null ? null : r.unit().strip().toUpperCase())
        .orElseThrow(() -> new InvalidInputException("Hãy chọn đơn vị tổng hợp báo cáo (mã đơn vị, ví dụ"
            + " LANGSON) có trong danh mục."));
    if (root.level() == UnitLevel.COMMUNE) {
      throw new InvalidInputException("Đơn vị tổng hợp báo cáo phải là tỉnh hoặc huyện/thành phố.");
    }
    List<String> carried = r.indicators() == null ? List.of() : r.indicators().stream().map(String::strip).toList();
    indicators.requireKnown(carried);
    LocalDate communeDeadline = r.communeDeadline() != null ? r.communeDeadline() : COMMUNE_DEADLINE.atYear(year);
    LocalDate districtDeadline = r.districtDeadline() != null ? r.districtDeadline()
        : kind == ReportPeriod.Kind.AD_HOC ? communeDeadline : communeDeadline.plusDays(DISTRICT_DAYS_LATER);
    LocalDate provinceDeadline = r.provinceDeadline() != null ? r.provinceDeadline()
        : kind == ReportPeriod.Kind.AD_HOC ? districtDeadline : communeDeadline.plusDays(PROVINCE_DAYS_LATER);
    if (districtDeadline.isBefore(communeDeadline) || provinceDeadline.isBefore(districtDeadline)) {
      throw new InvalidInputException("Hạn gửi của cấp trên không được trước hạn gửi của cấp dưới.");
    }
    LocalDate opens = r.preparationOpens() != null ? r.preparationOpens()
        : communeDeadline.minusMonths(PREPARATION_MONTHS);
    if (opens.isAfter(communeDeadline)) {
      throw new InvalidInputException("Ngày bắt đầu chuẩn bị phải trước hạn gửi của xã/phường.");
    }
    return new ReportPeriod(code, name, kind, year, from, to, root.code(), carried, opens, communeDeadline,
        districtDeadline, provinceDeadline, userId, EngineTime.now(), null, null);
  }

  private void requireAdministrator(String userId, String action) {
    if (!roles.isAdministrator(userId)) {
      throw new ForbiddenException("Chỉ quản trị viên được " + action + ".");
    }
  }
}
