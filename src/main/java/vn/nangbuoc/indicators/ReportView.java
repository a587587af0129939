package vn.nangbuoc.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the report page shows of a report: the figures as written for people, each count that counts children a
 * link to the case files behind it, and per indicator a bar chart drawn as inline SVG on the server (the pages run
 * no script), its geometry computed here. For publication, counts below 5 read "&lt;5" as in the exports, and link
 * nowhere.
 */
final class ReportView {

  static final int CHART_WIDTH = 360;
  static final int LABEL_WIDTH = 132;
  static final int BAR_SPACE = 120;
  static final int ROW_HEIGHT = 22;
  private static final int LABEL_CHARACTERS = 18;

  record Indicator(String id, String name, String plan, String article, Line total, String target, String met,
      String mark, String state, List<Split> splits, Chart chart) {
  }

  record Split(String title, List<Line> rows, Line total) {
  }

  /** A row of figures; an href is null where the number links nowhere. */
  record Line(String label, String numerator, String numeratorHref, String denominator, String denominatorHref,
      String value) {
  }

  /** Where a number links: the list of the case files it counts, if it counts any (by null: the whole figure). */
  interface Links {
    Optional<String> of(String indicatorId, FigureCases.Part part, String by, String key);
  }

  /** A bar per row of one breakdown; targetX is where the target's line is drawn, null without a target. */
  record Chart(String title, String description, int height, List<Bar> bars, Integer targetX, String targetText) {
  }

  record Bar(String label, String value, int y, int x, int width, int textX) {
  }

  private ReportView() {
  }

  static List<Indicator> of(IndicatorReport.Report report, boolean publication, Links links) {
    List<Indicator> views = new ArrayList<>();
    for (IndicatorReport.Figure figure : report.indicators()) {
      Figures shown = new Figures(figure, publication, links);
      List<Split> splits = new ArrayList<>();
      Line total = shown.line(ReportExports.TOTAL, null, null, figure.numerator(), figure.denominator(),
          figure.value());
      for (IndicatorReport.Split split : figure.breakdowns()) {
        splits.add(new Split(split.title(), split.rows().stream().map(row -> shown.line(row.label(), split.by(),
            row.key(), row.numerator(), row.denominator(), row.value())).toList(), total));
      }
      String met = ReportFigures.met(figure.met(), figure.target());
      String mark = figure.met() == null ? "–" : figure.met() ? "✔" : "✘";
      String state = figure.met() == null ? "none" : figure.met() ? "met" : "unmet";
      String target = figure.target() == null ? "—" : (figure.atMost() ? "≤ " : "≥ ")
          + ReportFigures.withUnit(figure.unit(), figure.unitLabel(), figure.target());
      views.add(new Indicator(figure.id(), figure.name(), figure.plan(), figure.article(), total, target, met, mark,
          state, splits, chart(figure, shown)));
    }
    return views;
  }

  /** How one indicator's numbers are written and linked. */
  private record Figures(IndicatorReport.Figure figure, boolean publication, Links links) {

    Line line(String label, String by, String key, Long numerator, Long denominator, BigDecimal value) {
      // đồng are no count of children: they are never hidden
      boolean amount = ValueUnit.AMOUNT.word().equals(figure.unit());
      boolean smallTop = publication && !amount && ReportFigures.small(numerator);
      boolean smallBottom = publication && ReportFigures.small(denominator);
      return new Line(label, smallTop ? ReportFigures.SMALL : ReportFigures.count(numerator),
          smallTop ? null : href(FigureCases.Part.NUMERATOR, by, key, numerator),
          smallBottom ? ReportFigures.SMALL : ReportFigures.count(denominator),
          smallBottom ? null : href(FigureCases.Part.DENOMINATOR, by, key, denominator),
          value(value, numerator, denominator));
    }

    /** Nothing behind a zero to list. */
    private String href(FigureCases.Part part, String by, String key, Long count) {
      return count == null || count == 0 ? null : links.of(figure.id(), part, by, key).orElse(null);
    }

    String value(BigDecimal value, Long numerator, Long denominator) {
      if (value != null && publication && ReportFigures.hides(figure.unit(), numerator, denominator)) {
        return ValueUnit.COUNT.word().equals(figure.unit()) ? ReportFigures.SMALL : ReportFigures.HIDDEN;
      }
      return ReportFigures.withUnit(figure.unit(), figure.unitLabel(), value);
    }

    boolean hidden(IndicatorReport.Row row) {
      return publication && row.value() != null && ReportFigures.hides(figure.unit(), row.numerator(),
          row.denominator());
    }
  }

  /** By commune where the unit has several, else by age band. */
  private static Chart chart(IndicatorReport.Figure figure, Figures shown) {
    IndicatorReport.Split split = figure.breakdowns().stream()
        .filter(s -> s.by().equals(Breakdown.COMMUNE.word()) && s.rows().size() > 1).findFirst()
        .orElseGet(() -> figure.breakdowns().stream().filter(s -> s.by().equals(Breakdown.AGE_BAND.word()))
            .findFirst().orElse(figure.breakdowns().get(0)));
    boolean percent = ValueUnit.PERCENT.word().equals(figure.unit());
    BigDecimal max = percent && figure.target() != null ? figure.target() : BigDecimal.ZERO;
    for (IndicatorReport.Row row : split.rows()) {
      if (row.value() != null && !shown.hidden(row) && row.value().compareTo(max) > 0) {
        max = row.value();
      }
    }
    List<Bar> bars = new ArrayList<>();
    int y = 4;
    for (IndicatorReport.Row row : split.rows()) {
      // a bar as long as a hidden value would tell it
      int width = shown.hidden(row) ? 0 : width(row.value(), max);
      bars.add(new Bar(shortened(row.label()), shown.value(row.value(), row.numerator(), row.denominator()),
          y, LABEL_WIDTH + 4, width, LABEL_WIDTH + 4 + width + 4));
      y += ROW_HEIGHT;
    }
    Integer targetX = percent && figure.target() != null ? LABEL_WIDTH + 4 + width(figure.target(), max) : null;
    String title = figure.name() + " – theo " + split.title().toLowerCase();
    String description = split.rows().stream().map(row -> row.label() + ": "
        + shown.value(row.value(), row.numerator(), row.denominator())).reduce((a, b) -> a + "; " + b)
        .orElse("không có số liệu");
    return new Chart(title, description, y + 4, bars, targetX, targetX == null ? null
        : "Chỉ tiêu " + ReportFigures.withUnit(figure.unit(), figure.unitLabel(), figure.target()));
  }

  private static int width(BigDecimal value, BigDecimal max) {
    if (value == null || max.signum() <= 0) {
      return 0;
    }
    return value.multiply(BigDecimal.valueOf(BAR_SPACE)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
  }

  private static String shortened(String label) {
    return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1) + "…";
  }
}
