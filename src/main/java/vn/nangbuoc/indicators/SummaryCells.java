package vn.nangbuoc.indicators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which cells of {@code report_fact_cell} the facts of a child (and of its tasks) add to: per summarised query it
 * meets, for the plan year of its enrolment (kind P) and the calendar year of the query's date (kind Y), one cell
 * per breakdown kept for the query. Whether a child meets a query is decided by the very SQL conditions the report
 * counts with ({@link Filter.Word#sql()}), all but the period, which the cell's year stands for, and an age
 * condition, which depends on the period's last day: the cell keeps the year of birth instead. So a report over plan
 * year Y, or over 1 January of Y1 to 31 December of Y2, adds up to what the facts say, to the child.
 */
final class SummaryCells {

  /** Changed when what a cell means changes: the rows are then made again at the next start. */
  static final String VERSION = "1";
  static final String PLAN_YEAR = "P";
  static final String CALENDAR_YEAR = "Y";

  /** A cell's key; {@code reform} and {@code key} '' when there is none ({@code recorded} tells a null key). */
  record Cell(String kind, int year, int query, String breakdown, String commune, String reform, int birthYear,
      String key, boolean recorded) implements Comparable<Cell> {

    private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::kind).thenComparingInt(Cell::year)
        .thenComparingInt(Cell::query).thenComparing(Cell::breakdown).thenComparing(Cell::commune)
        .thenComparing(Cell::reform).thenComparingInt(Cell::birthYear).thenComparing(Cell::key)
        .thenComparing(Cell::recorded);

    @Override
    public int compareTo(Cell other) {
      return ORDER.compare(this, other);
    }
  }

  /** The queries over children, or over tasks, with the breakdowns whose keys their rows carry. */
  record Family(boolean overTasks, List<FactQuery> queries, List<Breakdown> keyed) {
  }

  private final List<FactQuery> queries;
  private final Map<FactQuery, Integer> ids = new LinkedHashMap<>();
  private final Map<FactQuery, Set<Breakdown>> kept = new LinkedHashMap<>();
  private final List<Family> families = new ArrayList<>();
  private final String fingerprint;

  /** @param asked each summarised query with the breakdowns reports ask of it (the commune is always kept) */
  SummaryCells(Map<FactQuery, Set<Breakdown>> asked) {
    this.queries = asked.keySet().stream().sorted(Comparator.comparing(FactQuery::toString)).toList();
    StringBuilder definition = new StringBuilder(VERSION);
    for (FactQuery query : queries) {
      ids.put(query, ids.size());
      Set<Breakdown> breakdowns = new LinkedHashSet<>();
      breakdowns.add(Breakdown.COMMUNE);
      Breakdown.STANDARD.stream().filter(asked.get(query)::contains).forEach(breakdowns::add);
      asked.get(query).stream().sorted().forEach(breakdowns::add);
      kept.put(query, breakdowns);
      definition.append('\n').append(query).append(' ').append(breakdowns);
    }
    for (boolean overTasks : List.of(false, true)) {
      List<FactQuery> family = queries.stream().filter(q -> q.measure().overTasks() == overTasks).toList();
      if (!family.isEmpty()) {
        List<Breakdown> keyed = family.stream().flatMap(q -> kept.get(q).stream())
            .filter(b -> b != Breakdown.COMMUNE && b != Breakdown.AGE_BAND).distinct().sorted().toList();
        families.add(new Family(overTasks, family, keyed));
      }
    }
    this.fingerprint = sha256(definition.toString());
  }

  /** The catalogue's summarised queries and their breakdowns, as the rows were made for them. */
  String fingerprint() {
    return fingerprint;
  }

  List<Family> families() {
    return families;
  }

  List<FactQuery> queries() {
    return queries;
  }

  Integer id(FactQuery query) {
    return ids.get(query);
  }

  Set<Breakdown> kept(FactQuery query) {
    return kept.getOrDefault(query, Set.of());
  }

  /** Whether the query counts by age on the period's last day: its cells keep the year of birth. */
  static boolean ageLimited(FactQuery query) {
    return query.where().stream().anyMatch(filter -> filter.word() == Filter.Word.AGE_UNDER);
  }

  /**
   * The rows of a family: one per child (or task) that meets one of its queries, with the child's keys and, per
   * query, whether it meets it, the year of its date and its amount. {@code where} narrows the rows (the case files
   * changed). {@code grouped}: the rows alike taken together, with how many they are and their amounts added up, so
   * that making every cell reads fewer rows.
   */
  String rows(Family family, Map<String, Object> params, String where, boolean grouped) {
    List<String> columns = new ArrayList<>(List.of("f.plan_year", "f.commune_code", "f.reform_commune_code",
        "extract(year from f.date_of_birth)"));
    family.keyed().forEach(breakdown -> columns.add(breakdown.expression()));
    List<String> conditions = new ArrayList<>();
    List<String> amounts = new ArrayList<>();
    for (int q = 0; q < family.queries().size(); q++) {
      FactQuery query = family.queries().get(q);
      String condition = condition(query, "q" + q, params);
      conditions.add(condition);
      columns.add("case when " + condition + " then 1 else 0 end");
      columns.add("case when " + condition + " then extract(year from " + query.dated().column() + ") end");
      if (query.measure().summed() != null) {
        amounts.add("c" + columns.size());
        columns.add("case when " + condition + " then " + query.measure().summed() + " end");
      }
    }
    StringBuilder sql = new StringBuilder("select ");
    for (int c = 0; c < columns.size(); c++) {
      sql.append(c == 0 ? "" : ", ").append(columns.get(c)).append(" as c").append(c);
    }
    if (!grouped) {
      sql.append(", 1");
    }
    sql.append(family.overTasks() ? " from case_task_fact t join case_fact f on f.case_id = t.case_id"
        : " from case_fact f").append(" where f.status <> 'MERGED'").append(where).append(" and (")
        .append(String.join(" or ", conditions)).append(")");
    if (!grouped) {
      return sql.toString();
    }
    List<String> selected = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      String name = "c" + c;
      selected.add(amounts.contains(name) ? "sum(" + name + ")" : name);
      if (!amounts.contains(name)) {
        keys.add(name);
      }
    }
    return "select " + String.join(", ", selected) + ", count(*) from (" + sql + ") r group by "
        + String.join(", ", keys);
  }

  /** A query's conditions but its period, and but an age limit (kept as the cell's year of birth). */
  private static String condition(FactQuery query, String prefix, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder("(").append(query.dated().column()).append(" is not null");
    int n = 0;
    for (Filter filter : query.where()) {
      if (filter.word() == Filter.Word.AGE_UNDER) {
        continue;
      }
      String sqlOf = filter.word().sql();
      if (sqlOf.contains("?")) {
        String name = prefix + "w" + n++;
        // no value but the age's depends on the period's last day
        params.put(name, filter.parameter(null));
        sqlOf = sqlOf.replace("?", ":" + name);
      }
      sql.append(" and ").append(sqlOf);
    }
    for (DateField date : query.between()) {
      sql.append(" and ").append(date.column()).append(" is not null");
    }
    return sql.append(")").toString();
  }

  /** Adds what one row of {@link #rows} counts to {@code cells}, {@code sign} times (1, or -1 to take it away). */
  void add(Family family, ResultSet rs, int sign, Map<Cell, long[]> cells) throws SQLException {
    int planYear = rs.getInt(1);
    boolean enrolled = !rs.wasNull();
    String commune = rs.getString(2);
    String reform = rs.getString(3);
    reform = reform == null ? "" : reform;
    int birthYear = rs.getInt(4);
    int column = 5;
    Map<Breakdown, String> keys = new LinkedHashMap<>();
    for (Breakdown breakdown : family.keyed()) {
      keys.put(breakdown, rs.getString(column++));
    }
    // the last column: how many rows alike this one stands for
    long many = rs.getLong(rs.getMetaData().getColumnCount());
    for (FactQuery query : family.queries()) {
      boolean meets = rs.getInt(column++) == 1;
      int dated = rs.getInt(column++);
      long amount = many;
      if (query.measure().summed() != null) {
        // a sum of amounts not recorded is 0, as the report's sum() of them
        amount = rs.getLong(column++);
      }
      if (!meets) {
        continue;
      }
      int id = ids.get(query);
      int born = ageLimited(query) ? birthYear : 0;
      for (Breakdown breakdown : kept.get(query)) {
        String key = keys.get(breakdown);
        boolean recorded = key != null || !keys.containsKey(breakdown);
        String cellKey = key == null ? "" : key;
        int birth = breakdown == Breakdown.AGE_BAND ? birthYear : born;
        if (enrolled) {
          add(cells, new Cell(PLAN_YEAR, planYear, id, breakdown.word(), commune, reform, birth, cellKey, recorded),
              sign * amount, sign * many);
        }
        add(cells, new Cell(CALENDAR_YEAR, dated, id, breakdown.word(), commune, reform, birth, cellKey, recorded),
            sign * amount, sign * many);
      }
    }
  }

  private static void add(Map<Cell, long[]> cells, Cell cell, long amount, long found) {
    long[] sums = cells.computeIfAbsent(cell, c -> new long[2]);
    sums[0] += amount;
    sums[1] += found;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
