package vn.nangbuoc.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a fact query for an area and a period in one set-based SQL statement: grouped by every breakdown at once, so
 * the total and each breakdown are sums of the same cells and always agree. The median is the only measure taken
 * from the values themselves (a median of groups is not the median of their children).
 */
@Component
class FactCounts {

  /** One group of children (or tasks) with the same key in every breakdown, and what the query counts of it. */
  record Cell(List<String> keys, long value) {
  }

  /** The days of one child, with its keys: what a median is taken of. */
  record Days(List<String> keys, long days) {
  }

  /** Where and when: the communes of the unit (ended ones included, for old data) and the period, inclusive. */
  record Scope(List<String> communes, LocalDate from, LocalDate to) {
  }

  private final NamedParameterJdbcTemplate jdbc;

  FactCounts(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Cell> cells(FactQuery query, List<Breakdown> breakdowns, Scope scope) {
    Map<String, Object> params = new HashMap<>();
    String summed = query.measure().summed();
    String inner = inner(query, breakdowns, scope, params, (summed == null ? "1" : summed) + " as v");
    String keys = keys(breakdowns.size());
    String aggregate = summed == null ? "count(*)" : "coalesce(sum(v), 0)";
    String sql = "select " + (keys.isEmpty() ? "" : keys + ", ") + aggregate + " from (" + inner + ") x"
        + (keys.isEmpty() ? "" : " group by " + keys);
    return jdbc.query(sql, params, (rs, n) -> {
      List<String> cellKeys = new ArrayList<>(breakdowns.size());
      for (int i = 1; i <= breakdowns.size(); i++) {
        cellKeys.add(rs.getString(i));
      }
      return new Cell(cellKeys, rs.getLong(breakdowns.size() + 1));
    });
  }

  List<Days> days(FactQuery query, List<Breakdown> breakdowns, Scope scope) {
    Map<String, Object> params = new HashMap<>();
    String first = query.between().get(0).column();
    String second = query.between().get(1).column();
    String sql = inner(query, breakdowns, scope, params, first + " as d1, " + second + " as d2")
        + " and " + first + " is not null and " + second + " is not null";
    return jdbc.query(sql, params, (rs, n) -> {
      List<String> cellKeys = new ArrayList<>(breakdowns.size());
      for (int i = 1; i <= breakdowns.size(); i++) {
        cellKeys.add(rs.getString(i));
      }
      LocalDate d1 = rs.getObject("d1", Date.class).toLocalDate();
      LocalDate d2 = rs.getObject("d2", Date.class).toLocalDate();
      return new Days(cellKeys, ChronoUnit.DAYS.between(d1, d2));
    });
  }

  private static String inner(FactQuery query, List<Breakdown> breakdowns, Scope scope, Map<String, Object> params,
      String value) {
    params.put("communes", scope.communes());
    params.put("from", scope.from());
    params.put("to", scope.to());
    params.putAll(AgeBands.bounds(scope.to()));
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < breakdowns.size(); i++) {
      sql.append(expression(breakdowns.get(i))).append(" as k").append(i).append(", ");
    }
    sql.append(value);
    sql.append(query.measure().overTasks() ? " from case_task_fact t join case_fact f on f.case_id = t.case_id"
        : " from case_fact f");
    // a merged case file is the same child as the one it was merged into, which counts
    sql.append(" where f.status <> 'MERGED'")
        .append(" and (f.commune_code in (:communes) or f.reform_commune_code in (:communes))")
        .append(" and ").append(query.dated().column()).append(" between :from and :to");
    int n = 0;
    for (Filter filter : query.where()) {
      String sqlOf = filter.word().sql();
      if (sqlOf.contains("?")) {
        String name = "w" + n++;
        params.put(name, filter.parameter(scope.to()));
        sqlOf = sqlOf.replace("?", ":" + name);
      }
      sql.append(" and ").append(sqlOf);
    }
    return sql.toString();
  }

  private static String expression(Breakdown breakdown) {
    return switch (breakdown) {
      // a case carried on by a reorganisation counts, for the old unit, in the commune it was in
      case COMMUNE -> "case when f.commune_code in (:communes) then f.commune_code else f.reform_commune_code end";
      case AGE_BAND -> AgeBands.expression();
      default -> breakdown.expression();
    };
  }

  private static String keys(int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add("k" + i);
    }
    return String.join(", ", keys);
  }
}
