package vn.nangbuoc.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.nangbuoc.database.DatabaseProduct;

/**
 * Runs the fact queries of a report for an area and a period, set-based: every query over the children in one
 * statement, grouped by the standard breakdowns at once, a column per query, so that the total and each breakdown
 * of a query are sums of the same cells and always agree, and the facts are read once rather than once per query;
 * likewise the queries over tasks; a breakdown beyond the standard ones (the source, the outcome...) in one
 * statement of its own. The median is the only measure taken from the values themselves (a median of groups is not
 * the median of their children). The case files behind a figure are listed by the same condition of its query
 * ({@link #cases}), so a list has as many rows as its figure counts.
 */
@Component
class FactCounts {

  /**
   * What a query counted: its total and, for each breakdown it was asked for, its value per key (null: not
   * recorded). A key is there only when some child (or task) of the query has it, as a group of its own would be.
   */
  record Counted(long total, Map<Breakdown, Map<String, Long>> byKey) {
  }

  /** The days of one child, with its keys: what a median is taken of. */
  record Days(List<String> keys, long days) {
  }

  /**
   * Where and when: the communes of the unit (ended ones included, for old data) and the period.
   *
   * @param excluded communes whose children count elsewhere (a consolidated report's units below report them): a
   *     child in one of them by either commune code is left out, so a case a reorganisation carried on between
   *     two communes is not counted twice; empty for every report of a unit
   */
  record Scope(List<String> communes, List<String> excluded, ReportPeriod period) {

    Scope(List<String> communes, ReportPeriod period) {
      this(communes, List.of(), period);
    }
  }

  /** One row of one breakdown: the children whose key in it is {@code key} (null: the key was not recorded). */
  record Cut(Breakdown by, String key) {
  }

  /** A case file a figure counts, with the date that placed it in the period. */
  record CountedCase(long caseId, String caseNumber, String fullName, String communeCode, LocalDate countedOn) {
  }

  /**
   * A page of the case files behind a figure.
   *
   * @param counted how many the figure counts: the number the report shows
   * @param readable how many of them the reader may open; a case carried on to a commune outside the reader's
   *     area still counts for the old unit, but is not named to them
   */
  record Listed(List<CountedCase> rows, long counted, long readable) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final DatabaseProduct database;
  private final String workMem;
  private final FactSummary summary;

  FactCounts(NamedParameterJdbcTemplate jdbc, DatabaseProduct database,
      @Value("${nangbuoc.indicators.work-mem:64MB}") String workMem, FactSummary summary) {
    if (!workMem.isEmpty() && !workMem.matches("\\d{1,5}(kB|MB|GB)")) {
      throw new IllegalArgumentException("nangbuoc.indicators.work-mem: a size such as 64MB, or empty, not " + workMem);
    }
    this.jdbc = jdbc;
    this.database = database;
    this.workMem = workMem;
    this.summary = summary;
  }

  /**
   * On PostgreSQL, lets the report's groupings and joins take {@code nangbuoc.indicators.work-mem} for the rest of
   * the transaction: at the server's default (4 MB) they spill to disk from about 100,000 case files on, and the
   * statements over the tasks take twice as long. Empty: the server's setting.
   */
  void makeRoom() {
    if (database.postgres() && !workMem.isEmpty()) {
      jdbc.getJdbcTemplate().execute("set local work_mem = '" + workMem + "'");
    }
  }

  /**
   * Counts each query (not the median) with the breakdowns asked for it: from the summary's cells when they can
   * answer for the period ({@link FactSummary#answers}), else from the facts. A consolidated report's scope that
   * leaves out the children of some communes reads the facts: the cells do not know where else a child counts.
   */
  Map<FactQuery, Counted> count(Map<FactQuery, Set<Breakdown>> asked, Scope scope) {
    boolean cells = scope.excluded().isEmpty() && summary.answers(asked, scope.period());
    return cells ? summary.count(asked, scope) : countFacts(asked, scope);
  }

  /** Counts each query (not the median) with the breakdowns asked for it, from the facts themselves. */
  Map<FactQuery, Counted> countFacts(Map<FactQuery, Set<Breakdown>> asked, Scope scope) {
    Map<FactQuery, Counted> counted = new HashMap<>();
    for (boolean overTasks : List.of(false, true)) {
      List<FactQuery> family = asked.keySet().stream().filter(query -> query.measure().overTasks() == overTasks)
          .toList();
      if (family.isEmpty()) {
        continue;
      }
      long[] totals = new long[family.size()];
      List<Map<Breakdown, Map<String, Long>>> byKey = new ArrayList<>();
      family.forEach(query -> byKey.add(new HashMap<>()));
      List<Breakdown> together = Breakdown.STANDARD.stream()
          .filter(b -> family.stream().anyMatch(query -> asked.get(query).contains(b))).toList();
      add(family, together, cells(family, together, scope), asked, totals, byKey);
      Set<Breakdown> others = new LinkedHashSet<>();
      family.forEach(query -> asked.get(query).stream().filter(b -> !Breakdown.STANDARD.contains(b))
          .forEach(others::add));
      for (Breakdown other : others) {
        List<FactQuery> those = family.stream().filter(query -> asked.get(query).contains(other)).toList();
        List<Map<Breakdown, Map<String, Long>>> theirs = those.stream().map(query -> byKey.get(family.indexOf(query)))
            .toList();
        add(those, List.of(other), cells(those, List.of(other), scope), asked, new long[those.size()], theirs);
      }
      for (int q = 0; q < family.size(); q++) {
        Map<Breakdown, Map<String, Long>> of = byKey.get(q);
        asked.get(family.get(q)).forEach(breakdown -> of.putIfAbsent(breakdown, Map.of()));
        counted.put(family.get(q), new Counted(totals[q], of));
      }
    }
    return counted;
  }

  /**
   * Adds the cells to each query's total and to its value per key of each breakdown it was asked for; a key only
   * when the query found some child (or task) in the cell.
   */
  private static void add(List<FactQuery> queries, List<Breakdown> breakdowns, List<Cell> cells,
      Map<FactQuery, Set<Breakdown>> asked, long[] totals, List<Map<Breakdown, Map<String, Long>>> byKey) {
    List<List<Integer>> wanted = new ArrayList<>();
    List<List<Map<String, Long>>> sums = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      List<Integer> indices = new ArrayList<>();
      List<Map<String, Long>> maps = new ArrayList<>();
      for (int i = 0; i < breakdowns.size(); i++) {
        if (asked.get(queries.get(q)).contains(breakdowns.get(i))) {
          indices.add(i);
          maps.add(byKey.get(q).computeIfAbsent(breakdowns.get(i), b -> new HashMap<>()));
        }
      }
      wanted.add(indices);
      sums.add(maps);
    }
    for (Cell cell : cells) {
      for (int q = 0; q < queries.size(); q++) {
        if (cell.found()[q] == 0) {
          continue;
        }
        long value = cell.values()[q];
        totals[q] += value;
        List<Integer> indices = wanted.get(q);
        for (int j = 0; j < indices.size(); j++) {
          sums.get(q).get(j).merge(cell.keys().get(indices.get(j)), value, Long::sum);
        }
      }
    }
  }

  /** One group of children (or tasks) with the same keys, and per query its value and how many it found. */
  private record Cell(List<String> keys, long[] values, long[] found) {
  }

  /** The queries (all over children, or all over tasks) grouped by the breakdowns, in one statement. */
  private List<Cell> cells(List<FactQuery> queries, List<Breakdown> breakdowns, Scope scope) {
    Map<String, Object> params = new HashMap<>();
    bindScope(scope, params);
    StringBuilder inner = new StringBuilder("select ").append(keyExpressions(breakdowns));
    StringBuilder outer = new StringBuilder("select ");
    List<String> conditions = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      FactQuery query = queries.get(q);
      String condition = condition(query, "q" + q, scope, params);
      conditions.add(condition);
      String summed = query.measure().summed();
      inner.append(q == 0 ? "" : ", ").append("case when ").append(condition).append(" then ")
          .append(summed == null ? "1" : summed).append(" end as v").append(q);
      outer.append(summed == null ? "count(v" + q + ")" : "coalesce(sum(v" + q + "), 0)").append(", ");
      if (summed != null) {
        // a sum of amounts not recorded is 0: whether the query found anyone in the cell is counted apart
        inner.append(", case when ").append(condition).append(" then 1 end as n").append(q);
        outer.append("count(n").append(q).append("), ");
      }
    }
    inner.append(fromTheArea(queries.get(0).measure().overTasks(), scope)).append(shared(queries, scope.period()))
        .append(" and (").append(String.join(" or ", conditions)).append(")");
    String keys = keys(breakdowns.size());
    String sql = outer + (keys.isEmpty() ? "1" : keys) + " from (" + inner + ") x"
        + (keys.isEmpty() ? "" : " group by " + keys);
    int count = queries.size();
    return jdbc.query(sql, params, (rs, n) -> {
      long[] values = new long[count];
      long[] found = new long[count];
      int column = 1;
      for (int q = 0; q < count; q++) {
        values[q] = rs.getLong(column++);
        found[q] = queries.get(q).measure().summed() == null ? values[q] : rs.getLong(column++);
      }
      List<String> cellKeys = new ArrayList<>(breakdowns.size());
      for (int i = 0; i < breakdowns.size(); i++) {
        cellKeys.add(rs.getString(column + i));
      }
      return new Cell(cellKeys, values, found);
    });
  }

  /**
   * The part of the period every query's condition has, once more outside them, where an index can use it: the
   * plan year (ix_case_fact_plan_year), or the days of the tasks' completion (ix_case_task_fact_completed).
   */
  private static String shared(List<FactQuery> queries, ReportPeriod period) {
    if (period.planYear() != null) {
      return " and f.plan_year = :year";
    }
    DateField dated = queries.get(0).dated();
    return dated == DateField.TASK_COMPLETED && queries.stream().allMatch(query -> query.dated() == dated)
        ? " and " + dated.column() + " between :from and :to" : "";
  }

  /**
   * A query's period and conditions as one SQL condition, its parameters named after {@code prefix}. A plan year
   * counts the children of that year's plan once what the query dates has happened, whenever it did; days count
   * what happened between them. A median's children are those with both its dates.
   */
  private static String condition(FactQuery query, String prefix, Scope scope, Map<String, Object> params) {
    ReportPeriod period = scope.period();
    StringBuilder sql = new StringBuilder("(").append(period.planYear() != null
        ? "f.plan_year = :year and " + query.dated().column() + " is not null"
        : query.dated().column() + " between :from and :to");
    int n = 0;
    for (Filter filter : query.where()) {
      String sqlOf = filter.word().sql();
      if (sqlOf.contains("?")) {
        String name = prefix + "w" + n++;
        params.put(name, filter.parameter(period.to()));
        sqlOf = sqlOf.replace("?", ":" + name);
      }
      sql.append(" and ").append(sqlOf);
    }
    for (DateField date : query.between()) {
      sql.append(" and ").append(date.column()).append(" is not null");
    }
    return sql.append(")").toString();
  }

  /** A median of days and how many children it is taken of. */
  record Median(long count, java.math.BigDecimal days) {
  }

  /** The median of a query in all and in each row of each breakdown (a row only where it found someone). */
  record Medians(Median all, Map<Breakdown, Map<String, Median>> byKey) {
  }

  /**
   * On PostgreSQL, the medians taken where the children are, in one statement (a grouping set per breakdown)
   * rather than carrying every child's days to Java: the two middle values are {@code percentile_disc(0.5)} in
   * ascending and in descending order, and their mean is what {@link IndicatorReport#median} takes of the same
   * days. Null elsewhere: the days are read ({@link #days}).
   */
  Medians medians(FactQuery query, List<Breakdown> breakdowns, Scope scope) {
    if (!database.postgres()) {
      return null;
    }
    Map<String, Object> params = new HashMap<>();
    String days = "(" + query.between().get(1).column() + " - " + query.between().get(0).column() + ") as d";
    List<String> flags = new ArrayList<>();
    List<String> sets = new ArrayList<>(List.of("()"));
    for (int i = 0; i < breakdowns.size(); i++) {
      flags.add("grouping(k" + i + ")");
      sets.add("(k" + i + ")");
    }
    String keys = keys(breakdowns.size());
    String sql = "select " + (flags.isEmpty() ? "" : String.join(", ", flags) + ", " + keys + ", ")
        + "count(*), percentile_disc(0.5) within group (order by d), percentile_disc(0.5) within group"
        + " (order by d desc) from (" + inner(query, breakdowns, scope, params, days) + ") x group by grouping sets ("
        + String.join(", ", sets) + ")";
    Median[] all = {new Median(0, null)};
    Map<Breakdown, Map<String, Median>> byKey = new HashMap<>();
    breakdowns.forEach(breakdown -> byKey.put(breakdown, new HashMap<>()));
    int width = breakdowns.size();
    jdbc.query(sql, params, rs -> {
      int grouped = -1;
      for (int i = 0; i < width; i++) {
        if (rs.getInt(i + 1) == 0) {
          grouped = i;
        }
      }
      long count = rs.getLong(2 * width + 1);
      long lower = rs.getLong(2 * width + 2);
      long upper = rs.getLong(2 * width + 3);
      // no child: the grouping set of all still gives a row, with no median
      java.math.BigDecimal median = count == 0 ? null : count % 2 == 1 ? java.math.BigDecimal.valueOf(lower)
          : java.math.BigDecimal.valueOf(lower + upper).divide(java.math.BigDecimal.valueOf(2), 1,
              java.math.RoundingMode.HALF_UP);
      if (grouped < 0) {
        all[0] = new Median(count, median);
      } else {
        byKey.get(breakdowns.get(grouped)).put(rs.getString(width + grouped + 1), new Median(count, median));
      }
    });
    return new Medians(all[0], byKey);
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
    List<CountedCase> rows = jdbc.query("select x.case_id, c.case_number, c.full_name, c.commune_code, x.counted_on"
        + readable + " order by x.counted_on, c.case_number offset :skip rows fetch next :size rows only", params,
        (rs, n) -> new CountedCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, Date.class).toLocalDate()));
    return new Listed(rows, jdbc.queryForObject(counted, params, Long.class),
        jdbc.queryForObject("select count(*)" + readable, params, Long.class));
  }

  /** The one statement of what a query counts: its rows in the area, each with its key in every breakdown. */
  private static String inner(FactQuery query, List<Breakdown> breakdowns, Scope scope, Map<String, Object> params,
      String value) {
    bindScope(scope, params);
    return "select " + keyExpressions(breakdowns) + value + fromTheArea(query.measure().overTasks(), scope) + " and "
        + condition(query, "q", scope, params);
  }

  private static void bindScope(Scope scope, Map<String, Object> params) {
    ReportPeriod period = scope.period();
    params.put("communes", scope.communes());
    if (!scope.excluded().isEmpty()) {
      params.put("excluded", scope.excluded());
    }
    if (period.planYear() != null) {
      params.put("year", period.planYear());
    } else {
      params.put("from", period.from());
      params.put("to", period.to());
    }
    params.putAll(AgeBands.bounds(period.to()));
  }

  private static String keyExpressions(List<Breakdown> breakdowns) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < breakdowns.size(); i++) {
      sql.append(expression(breakdowns.get(i))).append(" as k").append(i).append(", ");
    }
    return sql.toString();
  }

  /** The facts (and tasks) of the area's children; a merged case file is the child it was merged into: it counts. */
  private static String fromTheArea(boolean overTasks, Scope scope) {
    return (overTasks ? " from case_task_fact t join case_fact f on f.case_id = t.case_id" : " from case_fact f")
        + " where f.status <> 'MERGED' and (f.commune_code in (:communes) or f.reform_commune_code in (:communes))"
        + (scope.excluded().isEmpty() ? "" : " and f.commune_code not in (:excluded)"
            + " and (f.reform_commune_code is null or f.reform_commune_code not in (:excluded))");
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
