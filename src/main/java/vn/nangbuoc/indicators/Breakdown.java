package vn.nangbuoc.indicators;

import java.util.List;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.DisabilityLevel;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.pathway.ClosureOutcome;

/**
 * A way to split an indicator: every indicator by the first six, some also by the agency, the outcome, the source
 * of the money or the indication (the catalogue's {@code by:}). Each is one SQL expression over the facts.
 */
enum Breakdown {
  COMMUNE("commune", "Xã/phường", null, List.of()),
  SEX("sex", "Giới tính", "f.sex", codes(Sex.values())),
  AGE_BAND("age-band", "Nhóm tuổi", null, List.of(AgeBands.BANDS)),
  ETHNICITY("ethnicity", "Dân tộc", "f.ethnicity", List.of()),
  CONDITION_GROUP("condition-group", "Nhóm dạng tật", "f.condition_group", codes(ConditionGroup.values())),
  DISABILITY_LEVEL("disability-level", "Mức độ khuyết tật", "f.disability_level", codes(DisabilityLevel.values())),
  AGENCY("agency", "Cơ quan", "t.agency_id", List.of()),
  OUTCOME("outcome", "Kết quả đóng hồ sơ", "f.closure_outcome", codes(ClosureOutcome.values())),
  SOURCE("source", "Nguồn kinh phí", "f.funding_source", List.of("FUND", "HEALTH_INSURANCE", "CHARITY", "OTHER")),
  INDICATION("indication", "Chỉ định sau khám", "f.indication",
      List.of("SURGERY", "REHABILITATION", "ASSISTIVE_DEVICE", "OTHER_SERVICE", "NONE"));

  /** What every indicator is broken down by. */
  static final List<Breakdown> STANDARD = List.of(COMMUNE, SEX, AGE_BAND, ETHNICITY, CONDITION_GROUP,
      DISABILITY_LEVEL);

  private final String word;
  private final String title;
  private final String expression;
  private final List<String> knownKeys;

  Breakdown(String word, String title, String expression, List<String> knownKeys) {
    this.word = word;
    this.title = title;
    this.expression = expression;
    this.knownKeys = knownKeys;
  }

  String word() {
    return word;
  }

  String title() {
    return title;
  }

  /** The SQL expression; the commune's and the age band's depend on the scope and period, see FactCounts. */
  String expression() {
    return expression;
  }

  /** Keys shown even with nothing counted, in this order; others follow as found. */
  List<String> knownKeys() {
    return knownKeys;
  }

  boolean overTasks() {
    return this == AGENCY;
  }

  static Breakdown of(String word) {
    return Words.of(values(), Breakdown::word, word, "breakdown");
  }

  private static <E extends Enum<E>> List<String> codes(E[] values) {
    return List.of(values).stream().map(Enum::name).toList();
  }
}
