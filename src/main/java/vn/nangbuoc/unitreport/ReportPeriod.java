package vn.nangbuoc.unitreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.nangbuoc.organisation.UnitLevel;

/**
 * A reporting period: what it asks (its indicators over its dates) and by when each level of unit sends its report.
 *
 * @param indicators the catalogue's indicator ids it carries; empty for every indicator
 */
record ReportPeriod(String code, String name, Kind kind, int planYear, LocalDate from, LocalDate to,
    String rootUnitCode, List<String> indicators, LocalDate preparationOpens, LocalDate communeDeadline,
    LocalDate districtDeadline, LocalDate provinceDeadline, String createdBy, Instant createdAt, String openedBy,
    Instant openedAt) {

  /** The plans' yearly report, or one an office asks for with its own deadline. */
  enum Kind {
    ANNUAL, AD_HOC
  }

  ReportPeriod {
    indicators = List.copyOf(indicators);
  }

  /** The last day a unit of this level sends its report. */
  LocalDate deadlineOf(UnitLevel level) {
    return switch (level) {
      case COMMUNE -> communeDeadline;
      case DISTRICT -> districtDeadline;
      case PROVINCE -> provinceDeadline;
    };
  }

  /**
   * The plan year whose enrolments the figures count, as {@code /bao-cao} does by default: an annual report is
   * about its plan year's children; an ad-hoc one (null) about what happened between its days.
   */
  Integer countedPlanYear() {
    return kind == Kind.ANNUAL ? planYear : null;
  }

  boolean isOpen() {
    return openedAt != null;
  }
}
