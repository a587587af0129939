package vn.nangbuoc.unitreport;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * An administrator declares a reporting period and opens it (the head of a receiving office may, for an ad-hoc
 * period of his unit: {@link PeriodOpeners}): every commune under the period's unit that exists
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

  record PeriodRequest(String code, String name, String kind, Integer planYear, LocalDate from, LocalDate to,
      String unit, List<String> indicators, LocalDate preparationOpens, LocalDate communeDeadline,
      LocalDate districtDeadline, LocalDate provinceDeadline) {
  }

  private final UnitReportRecords records;
  private final OrganisationDirectory organisation;
  private final PeriodRequestReader reader;
  private final PeriodOpeners openers;
  private final RuntimeService runtime;
  private final EngineSystem system;
  private final Consolidation consolidation;

  ReportPeriods(UnitReportRecords records, OrganisationDirectory organisation, PeriodRequestReader reader,
      PeriodOpeners openers, RuntimeService runtime, EngineSystem system, Consolidation consolidation) {
    this.records = records;
    this.organisation = organisation;
    this.reader = reader;
    this.openers = openers;
    this.runtime = runtime;
    this.system = system;
    this.consolidation = consolidation;
  }

  @Transactional
  ReportPeriod create(PeriodRequest request, String userId) {
    ReportPeriod period = check(request, userId);
    records.insertPeriod(period);
    return period;
  }

  /** The period {@link #create} would store, or what it would refuse; stores nothing. */
  ReportPeriod check(PeriodRequest request, String userId) {
    openers.requireSomeOffice(userId, "khai báo kỳ báo cáo");
    ReportPeriod period = reader.read(request, userId);
    openers.require(userId, period.kind(), period.rootUnitCode(), "khai báo kỳ báo cáo");
    if (records.period(period.code()).isPresent()) {
      throw new InvalidPeriodException(Map.of("code", "Đã có kỳ báo cáo mã \"" + period.code() + "\"."));
    }
    return period;
  }

  /** Opens the period: one report and one process per reporting unit; answers the reports. */
  @Transactional
  List<UnitReportRow> open(String code, String userId) {
    openers.requireSomeOffice(userId, "mở kỳ báo cáo");
    ReportPeriod period = get(code);
    openers.require(userId, period.kind(), period.rootUnitCode(), "mở kỳ báo cáo");
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
}
