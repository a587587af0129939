package vn.nangbuoc.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a fact query for an area and a period in one set-based SQL statement: grouped by every breakdown at once, so
 * the total and each breakdown are sums of the same cells and always agree. The median is the only measure taken
 * from the values themselves (a median of groups is not the median of their children). The case files behind a
 * figure are listed from the same statement ({@link #inner}), so a list has as many rows as its figure counts.
 */
@Component
class FactCounts {

  /** One group of children (or tasks) with the same key in every breakdown, and what the query counts of it. */
  record Cell(List<String> keys, long value) {
  }

  /** The days of one child, with its keys: what a median is taken of. */
  record Days(List<String> keys, long days) {
  }

  /** Where and when: the communes of the unit (ended ones included, for old data) and the period. */
  record Scope(List<String> communes, ReportPeriod period) {
  }

  /** One row of one breakdown: the children whose key in it is {@code key} (null: the key was not recorded). */
  record Cut(Breakdown by, String key) {
  }

  /** A case file a figure counts, with the date that placed it in the period. */
  record Counted(long caseId, String caseNumber, String fullName, String communeCode, LocalDate countedOn) {
  }

  /**
   * A page of the case files behind a figure.
   *
   * @param counted how many the figure counts: the number the report shows
   * @param readable how many of them the reader may open; a case carried on to a commune outside the reader's
   *     area still counts for the old unit, but is not named to them
   */
  record Listed(List<Counted> rows, long counted, long readable) {
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
    String sql = inner(query, breakdowns, scope, params, first + " as d1, " + second + " as d2");
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

  /**
   * The case files {@code query} counts in {@code scope}, in the row {@code cut} of a breakdown (every row when
   * null): the page {@code page} (from 0) of {@code size}, by the date that counted them. Only case files now in
   * {@code readerCommunes} are named, by the rule of the case list.
   */
  Listed cases(FactQuery query, Cut cut, Scope scope, Collection<String> readerCommunes, int page, int size) {
    if (query.measure().overTasks()) {
      throw new IllegalArgumentException("a tasks measure counts tasks, not case files");
    }
    Map<String, Object> params = new HashMap<>();
    List<Breakdown> by = cut == null ? List.of() : List.of(cut.by());
    String inner = inner(query, by, scope, params, "f.case_id as case_id, " + query.dated().column()
        + " as counted_on");
    String inCut = cut == null ? null : cut.key() == null ? "x.k0 is null" : "x.k0 = :key";
    if (cut != null && cut.key() != null) {
      params.put("key", cut.key());
    }
    // the reader has communes, or ReportScope refused the report already
    params.put("mine", List.copyOf(readerCommunes));
    params.put("skip", (long) page * size);
    params.put("size", size);
    String counted = "select count(*) from (" + inner + ") x" + (inCut == null ? "" : " where " + inCut);
    String readable = " from (" + inner + ") x join case_file c on c.id = x.case_id where c.commune_code in (:mine)"
        + (inCut == null ? "" : " and " + inCut);
    List<Counted> rows = jdbc.query("select x.case_id, c.case_number, c.full_name, c.commune_code, x.counted_on"
        + readable + " order by x.counted_on, c.case_number offset :skip rows fetch next :size rows only", params,
        (rs, n) -> new Counted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, Date.class).toLocalDate()));
    return new Listed(rows, jdbc.queryForObject(counted, params, Long.class),
        jdbc.queryForObject("select count(*)" + readable, params, Long.class));
  }

  /**
   * The one statement of what a query counts: the rows of the facts in the scope that meet its conditions, each
   * with its key in every breakdown (k0, k1...) and {@code value}. The median's children are those with both dates.
   */
  private static String inner(FactQuery query, List<Breakdown> breakdowns, Scope scope, Map<String, Object> params,
      String value) {
    ReportPeriod period = scope.period();
    params.put("communes", scope.communes());
    params.putAll(AgeBands.bounds(period.to()));
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < breakdowns.size(); i++) {
      sql.append(expression(breakdowns.get(i))).append(" as k").append(i).append(", ");
    }
    sql.append(value);
    sql.append(query.measure().overTasks() ? " from case_task_fact t join case_fact f on f.case_id = t.case_id"
        : " from case_fact f");
    // a merged case file is the same child as the one it was merged into, which counts
    sql.append(" where f.status <> 'MERGED'")
        .append(" and (f.commune_code in (:communes) or f.reform_commune_code in (:communes))");
    if (period.planYear() != null) {
      // the children of that year's plan, once what the query dates has happened, whenever it did
      params.put("year", period.planYear());
      sql.append(" and f.plan_year = :year and ").append(query.dated().column()).append(" is not null");
    } else {
      params.put("from", period.from());
      params.put("to", period.to());
      sql.append(" and ").append(query.dated().column()).append(" between :from and :to");
    }
    int n = 0;
    for (Filter filter : query.where()) {
      String sqlOf = filter.word().sql();
      if (sqlOf.contains("?")) {
        String name = "w" + n++;
        params.put(name, filter.parameter(period.to()));
        sqlOf = sqlOf.replace("?", ":" + name);
      }
      sql.append(" and ").append(sqlOf);
    }
    for (DateField date : query.between()) {
      sql.append(" and ").append(date.column()).append(" is not null");
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
