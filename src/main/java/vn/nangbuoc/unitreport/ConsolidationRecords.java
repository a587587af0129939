package vn.nangbuoc.unitreport;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.nangbuoc.indicators.UnitIndicators;

/**
 * What a consolidated version summed, written once with the version ({@link #insert}) and never changed: the parts
 * and the figures of the unit's own communes. The accepted reports' figures stay in their own versions.
 */
@Repository
class ConsolidationRecords {

  /** One row of a consolidated version's parts as stored. */
  record StoredPart(String unitCode, Consolidation.PartKind kind, Long sourceVersionId, ReportState sourceState) {
  }

  private final JdbcClient jdbc;

  ConsolidationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(long versionId, List<StoredPart> parts, List<UnitIndicators.Figure> own) {
    int position = 0;
    for (StoredPart part : parts) {
      jdbc.sql("insert into unit_report_part (version_id, position, unit_code, kind, source_version_id, source_state)"
              + " values (?, ?, ?, ?, ?, ?)")
          .params(versionId, position++, part.unitCode(), part.kind().name(), part.sourceVersionId(),
              part.sourceState() == null ? null : part.sourceState().name())
          .update();
    }
    position = 0;
    for (UnitIndicators.Figure f : own) {
      jdbc.sql("insert into unit_report_own_figure (version_id, position, indicator_id, numerator, denominator,"
              + " figure_value) values (?, ?, ?, ?, ?, ?)")
          .params(versionId, position++, f.indicatorId(), f.numerator(), f.denominator(), f.value())
          .update();
    }
  }

  List<StoredPart> parts(long versionId) {
    return jdbc.sql("select unit_code, kind, source_version_id, source_state from unit_report_part"
            + " where version_id = ? order by position")
        .param(versionId)
        .query((rs, n) -> new StoredPart(rs.getString("unit_code"),
            Consolidation.PartKind.valueOf(rs.getString("kind")),
            rs.getObject("source_version_id", Long.class),
            rs.getString("source_state") == null ? null : ReportState.valueOf(rs.getString("source_state"))))
        .list();
  }

  /** The own communes' figures of a version: indicator id, numerator, denominator, value (names from the version). */
  List<UnitIndicators.Figure> ownFigures(long versionId) {
    return jdbc.sql("select indicator_id, numerator, denominator, figure_value from unit_report_own_figure"
            + " where version_id = ? order by position")
        .param(versionId)
        .query((rs, n) -> new UnitIndicators.Figure(rs.getString("indicator_id"), null, null, null,
            rs.getObject("numerator", Long.class), rs.getObject("denominator", Long.class),
            rs.getBigDecimal("figure_value"), null, null))
        .list();
  }
}
