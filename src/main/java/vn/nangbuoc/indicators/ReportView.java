package vn.nangbuoc.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the report page shows of a report: the figures as written for people, and per indicator a bar chart drawn
 * as inline SVG on the server (the pages run no script), its geometry computed here.
 */
final class ReportView {

  static final int CHART_WIDTH = 360;
  static final int LABEL_WIDTH = 132;
  static final int BAR_SPACE = 120;
  static final int ROW_HEIGHT = 22;
  private static final int LABEL_CHARACTERS = 18;

  record Indicator(String id, String name, String plan, String article, String numerator, String denominator,
      String value, String target, String met, String mark, String state, List<Split> splits, Chart chart) {
  }

  record Split(String title, List<Line> rows, Line total) {
  }

  record Line(String label, String numerator, String denominator, String value) {
  }

  /** A bar per row of one breakdown; targetX is where the target's line is drawn, null without a target. */
  record Chart(String title, String description, int height, List<Bar> bars, Integer targetX, String targetText) {
  }

  record Bar(String label, String value, int y, int x, int width, int textX) {
  }

  private ReportView() {
  }

  static List<Indicator> of(IndicatorReport.Report report) {
    List<Indicator> views = new ArrayList<>();
    for (IndicatorReport.Figure figure : report.indicators()) {
      List<Split> splits = new ArrayList<>();
      Line total = new Line(ReportExports.TOTAL, ReportFigures.count(figure.numerator()),
          ReportFigures.count(figure.denominator()),
          ReportFigures.withUnit(figure.unit(), figure.unitLabel(), figure.value()));
      for (IndicatorReport.Split split : figure.breakdowns()) {
        splits.add(new Split(split.title(), split.rows().stream().map(row -> new Line(row.label(),
            ReportFigures.count(row.numerator()), ReportFigures.count(row.denominator()),
            ReportFigures.withUnit(figure.unit(), figure.unitLabel(), row.value()))).toList(), total));
      }
      String met = ReportFigures.met(figure.met(), figure.target());
      String mark = figure.met() == null ? "–" : figure.met() ? "✔" : "✘";
      String state = figure.met() == null ? "none" : figure.met() ? "met" : "unmet";
      String target = figure.target() == null ? "—" : (figure.atMost() ? "≤ " : "≥ ")
          + ReportFigures.withUnit(figure.unit(), figure.unitLabel(), figure.target());
      views.add(new Indicator(figure.id(), figure.name(), figure.plan(), figure.article(), total.numerator(),
          total.denominator(), total.value(), target, met, mark, state, splits, chart(figure)));
    }
    return views;
  }

  /** By commune where the unit has several, else by age band. */
  private static Chart chart(IndicatorReport.Figure figure) {
    IndicatorReport.Split split = figure.breakdowns().stream()
        .filter(s -> s.by().equals(Breakdown.COMMUNE.word()) && s.rows().size() > 1).findFirst()
        .orElseGet(() -> figure.breakdowns().stream().filter(s -> s.by().equals(Breakdown.AGE_BAND.word()))
            .findFirst().orElse(figure.breakdowns().get(0)));
    boolean percent = ValueUnit.PERCENT.word().equals(figure.unit());
    BigDecimal max = percent && figure.target() != null ? figure.target() : BigDecimal.ZERO;
    for (IndicatorReport.Row row : split.rows()) {
      if (row.value() != null && row.value().compareTo(max) > 0) {
        max = row.value();
      }
    }
    List<Bar> bars = new ArrayList<>();
    int y = 4;
    for (IndicatorReport.Row row : split.rows()) {
      int width = width(row.value(), max);
      bars.add(new Bar(shortened(row.label()), ReportFigures.withUnit(figure.unit(), figure.unitLabel(), row.value()),
          y, LABEL_WIDTH + 4, width, LABEL_WIDTH + 4 + width + 4));
      y += ROW_HEIGHT;
    }
    Integer targetX = percent && figure.target() != null ? LABEL_WIDTH + 4 + width(figure.target(), max) : null;
    String title = figure.name() + " – theo " + split.title().toLowerCase();
    String description = split.rows().stream().map(row -> row.label() + ": "
        + ReportFigures.withUnit(figure.unit(), figure.unitLabel(), row.value())).reduce((a, b) -> a + "; " + b)
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
