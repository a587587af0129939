package vn.nangbuoc.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.nangbuoc.input.InvalidInputException;

/**
 * The programmes a child can be enrolled in and the plan years of each ({@code nangbuoc.programmes}). The
 * plans are yearly: the plan year of a day is its calendar year. A listing names a plan year or takes
 * today's; either way it must be one the programme has a plan for.
 *
 * @param defaultProgramme the programme every listing enrols in (the only one so far)
 * @param planYears the plan years per programme code
 */
@ConfigurationProperties("nangbuoc.programmes")
public record PlanYears(String defaultProgramme, Map<String, List<Integer>> planYears) {

  /** The programme of the seed plans, as V59 created it. */
  static final String SEED_PROGRAMME = "TEKT-CONGDONG";

  /** The earliest and latest year a listing may name at all; the configured list narrows it. */
  static final int EARLIEST = 2000;
  static final int LATEST = 2100;

  public PlanYears {
    defaultProgramme = defaultProgramme == null ? SEED_PROGRAMME : defaultProgramme;
    planYears = planYears == null ? Map.of() : Map.copyOf(planYears);
  }

  /** The plan year a listing enrols in: {@code requested}, or the plan year of {@code today} when none. */
  int resolve(String programme, Integer requested, LocalDate today) {
    int year = requested == null ? today.getYear() : requested;
    List<Integer> years = planYears.getOrDefault(programme, List.of());
    if (!years.contains(year)) {
      String known = years.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
      throw new InvalidInputException("Chương trình chưa có kế hoạch năm " + year + ": "
          + (known.isEmpty() ? "chưa có năm kế hoạch nào được khai báo" : "chọn một trong các năm " + known)
          + (requested == null ? ", hoặc đề nghị quản trị viên khai báo kế hoạch năm " + year : "") + ".");
    }
    return year;
  }
}
