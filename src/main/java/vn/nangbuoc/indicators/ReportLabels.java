package vn.nangbuoc.indicators;

import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.DisabilityLevel;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ChildPathwaySteps;
import vn.nangbuoc.pathway.ClosureOutcome;

/** What a breakdown's key is called in Vietnamese: the commune's name, the sex, the condition group... */
@Component
class ReportLabels {

  static final String NOT_RECORDED = "Chưa ghi";

  private static final Map<String, String> SOURCES = Map.of("FUND", "Quỹ Bảo trợ trẻ em",
      "HEALTH_INSURANCE", "Bảo hiểm y tế", "CHARITY", "Tổ chức, cá nhân từ thiện", "OTHER", "Nguồn khác");

  private static final Map<String, String> AGE_BANDS = Map.of("0-5", "0–5 tuổi", "6-10", "6–10 tuổi",
      "11-15", "11–15 tuổi", "16-17", "16–17 tuổi", AgeBands.ADULT, "Từ 18 tuổi");

  private final OrganisationDirectory organisation;

  ReportLabels(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  String of(Breakdown breakdown, String key) {
    if (key == null) {
      return NOT_RECORDED;
    }
    return switch (breakdown) {
      case COMMUNE -> organisation.unit(key).map(AdministrativeUnit::displayName).orElse(key);
      case SEX -> label(Sex.class, key, Sex::label);
      case AGE_BAND -> AGE_BANDS.getOrDefault(key, key);
      case CONDITION_GROUP -> label(ConditionGroup.class, key, ConditionGroup::label);
      case DISABILITY_LEVEL -> label(DisabilityLevel.class, key, DisabilityLevel::label);
      case OUTCOME -> label(ClosureOutcome.class, key, ClosureOutcome::label);
      case SOURCE -> SOURCES.getOrDefault(key, key);
      case INDICATION -> ChildPathwaySteps.CATALOGUE.step(ChildPathway.TASK_RECORD_SCREENING)
          .map(step -> step.valueLabels().getOrDefault(key, key)).orElse(key);
      case AGENCY -> organisation.agencyName(key).orElse(key);
      case ETHNICITY -> key;
    };
  }

  /**
   * A code's label; a code no label names (a value an older model or a test process recorded) shows as it is
   * rather than failing the whole report.
   */
  private static <E extends Enum<E>> String label(Class<E> type, String key, Function<E, String> of) {
    try {
      return of.apply(Enum.valueOf(type, key));
    } catch (IllegalArgumentException unknown) {
      return key;
    }
  }
}
