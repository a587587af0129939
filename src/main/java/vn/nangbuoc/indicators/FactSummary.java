package vn.nangbuoc.indicators;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.casefile.CaseFileChanged;
import vn.nangbuoc.database.DatabaseProduct;
import vn.nangbuoc.facts.FactsWatcher;
import vn.nangbuoc.indicators.SummaryCells.Cell;
import vn.nangbuoc.system.EngineTime;

/**
 * The indicators' counts kept as the facts change (issue 21: the province's report over 1,500,000 case files), in
 * {@code report_fact_cell}: for each summarised query of the catalogue (every one but the median), breakdown, plan
 * year or calendar year, commune and key, what its children or tasks add up to. A report over a plan year, or over
 * whole calendar years, adds these up ({@link #count}) instead of reading every fact; any other period, and the
 * lists behind a figure, read the facts. The cells change in the transaction of the facts they summarise: before a
 * case file's facts change, what they added is taken away, and what they add then is added ({@link #changing}), by
 * the same conditions the report counts with, so both ways give the same figures. The rows are made from the facts
 * at the start when the catalogue's queries are not those they were made for, and by {@link #rebuild()}.
 */
@Component
public class FactSummary implements FactsWatcher {

  private static final int FETCH = 10_000;
  private static final Logger log = LoggerFactory.getLogger(FactSummary.class);

  private final NamedParameterJdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final DatabaseProduct database;
  private final TransactionTemplate transaction;
  private final SummaryCells cells;
  private final boolean enabled;
  /** Whether changes are kept in the rows (whenever the summary is on). */
  private volatile boolean ready;
  /** Whether they are made: only then are they read (while they are made, reports read the facts). */
  private volatile boolean made;

  FactSummary(NamedParameterJdbcTemplate jdbc, DatabaseProduct database, PlatformTransactionManager transactions,
      IndicatorCatalogue catalogue, @Value("${nangbuoc.indicators.summary:true}") boolean enabled) {
    this.jdbc = jdbc;
    JdbcTemplate stream = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
    stream.setFetchSize(FETCH);
    this.streaming = new NamedParameterJdbcTemplate(stream);
    this.database = database;
    this.transaction = new TransactionTemplate(transactions);
    this.cells = new SummaryCells(summarised(catalogue.all()));
    this.enabled = enabled;
    // kept from this node's first change on, not only once its start has looked at the cells: another node may
    // read them already, and a change made here meanwhile (a job, a request) would be missing from them for good;
    // if they are rebuilt at the start, what was kept before is made again anyway
    this.ready = enabled;
  }

  /** Every query of the catalogue but the medians, with the breakdowns its indicators ask for. */
  static Map<FactQuery, Set<Breakdown>> summarised(List<Indicator> indicators) {
    Map<FactQuery, Set<Breakdown>> asked = new LinkedHashMap<>();
    for (Indicator indicator : indicators) {
      if (indicator.unit() != ValueUnit.DAYS) {
        asked.computeIfAbsent(indicator.numerator(), q -> new LinkedHashSet<>()).addAll(indicator.breakdowns());
        if (indicator.denominator() != null) {
          asked.computeIfAbsent(indicator.denominator(), q -> new LinkedHashSet<>()).addAll(indicator.breakdowns());
        }
      }
    }
    return asked;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!enabled) {
      return;
    }
    List<String> kept = jdbc.getJdbcTemplate().queryForList("select fingerprint from report_fact_summary"
        + " where id = 1", String.class);
    if (kept.equals(List.of(cells.fingerprint()))) {
      ready = true;
      this.made = true;
    } else {
      rebuild();
    }
  }

  /**
   * Makes every cell again from the facts, in one transaction. On PostgreSQL the facts' writers wait for it (a share
   * lock on the facts), so that no change is counted twice or lost.
   *
   * @return how many cells there are
   */
  public int rebuild() {
    long start = System.nanoTime();
    // kept from now on: a change that waits for the rebuild's lock adds itself to the cells once they are made
    ready = true;
    Integer count = transaction.execute(status -> {
      if (database.postgres()) {
        jdbc.getJdbcTemplate().execute("lock table case_fact, case_task_fact in share mode");
        jdbc.getJdbcTemplate().execute("lock table report_fact_cell in exclusive mode");
      }
      jdbc.getJdbcTemplate().update("delete from report_fact_cell");
      Map<Cell, long[]> all = new HashMap<>();
      for (SummaryCells.Family family : cells.families()) {
        Map<String, Object> params = new HashMap<>();
        streaming.query(cells.rows(family, params, "", true), params, rs -> {
          cells.add(family, rs, 1, all);
        });
      }
      insert(all);
      jdbc.getJdbcTemplate().update("delete from report_fact_summary");
      jdbc.getJdbcTemplate().update("insert into report_fact_summary (id, fingerprint, rebuilt_at) values (1, ?, ?)",
          cells.fingerprint(), Timestamp.from(EngineTime.now()));
      return all.size();
    });
    made = true;
    int cellsMade = count == null ? 0 : count;
    log.info("Report summary: {} cells made from the facts in {} s", cellsMade,
        (System.nanoTime() - start) / 1_000_000_000);
    return cellsMade;
  }

  @Override
  public Runnable changing(List<Long> caseIds) {
    if (!ready || caseIds.isEmpty()) {
      return () -> {
      };
    }
    pendingChanges();
    // the facts' rows locked first: a concurrent change of the same child waits, and reads what this one left
    jdbc.query("select case_id from case_fact where case_id in (:ids) for update", Map.of("ids", caseIds),
        rs -> {
        });
    Map<Cell, long[]> before = of(caseIds);
    return () -> {
      Map<Cell, long[]> change = of(caseIds);
      before.forEach((cell, sums) -> {
        long[] now = change.computeIfAbsent(cell, c -> new long[2]);
        now[0] -= sums[0];
        now[1] -= sums[1];
      });
      applyAtCommit(change);
    };
  }

  /**
   * The cells are shared by every change of a commune: a transaction that locked some of them and then waited for
   * another lock (a fund's, a task's) while another transaction held that one and waited for the cells made a
   * deadlock (the restore drill's parallel closures and payments on PostgreSQL). So each transaction adds all its
   * changes once, just before it commits, when it waits for nothing else, in the cells' order.
   */
  private void applyAtCommit(Map<Cell, long[]> change) {
    @SuppressWarnings("unchecked")
    Map<Cell, long[]> pending = TransactionSynchronizationManager.isSynchronizationActive()
        ? (Map<Cell, long[]>) TransactionSynchronizationManager.getResource(this) : null;
    if (pending == null) {
      // no transaction, or one whose commit has begun (a synchronization registered now would not run): at once
      apply(change);
      return;
    }
    change.forEach((cell, sums) -> {
      long[] sum = pending.computeIfAbsent(cell, c -> new long[2]);
      sum[0] += sums[0];
      sum[1] += sums[1];
    });
  }

  /**
   * Readies the transaction's sum of changes while it runs: a case file's facts are derived just before it commits
   * ({@code CaseFacts}, ordered before this), a task's at once; both add here, and this adds to the cells last.
   */
  @EventListener
  void caseFileChanging(CaseFileChanged change) {
    pendingChanges();
  }

  private void pendingChanges() {
    if (!enabled || !TransactionSynchronizationManager.isSynchronizationActive()
        || TransactionSynchronizationManager.hasResource(this)) {
      return;
    }
    Map<Cell, long[]> created = new HashMap<>();
    TransactionSynchronizationManager.bindResource(this, created);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
      }

      @Override
      public void beforeCommit(boolean readOnly) {
        apply(created);
        created.clear();
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(FactSummary.this);
      }
    });
  }


  /** What the facts of these case files (and their tasks) add to the cells now. */
  private Map<Cell, long[]> of(List<Long> caseIds) {
    Map<Cell, long[]> added = new HashMap<>();
    for (SummaryCells.Family family : cells.families()) {
      Map<String, Object> params = new HashMap<>();
      params.put("ids", caseIds);
      jdbc.query(cells.rows(family, params, " and f.case_id in (:ids)", false), params, rs -> {
        cells.add(family, rs, 1, added);
      });
    }
    return added;
  }

  /** Adds each change to its cell, in the cells' order, so that two transactions never wait for each other. */
  private void apply(Map<Cell, long[]> change) {
    List<Object[]> rows = new ArrayList<>();
    new TreeMap<>(change).forEach((cell, sums) -> {
      if (sums[0] != 0 || sums[1] != 0) {
        rows.add(row(cell, sums));
      }
    });
    if (rows.isEmpty()) {
      return;
    }
    if (database.postgres()) {
      jdbc.getJdbcTemplate().batchUpdate(INSERT + " on conflict on constraint pk_report_fact_cell do update set"
          + " amount = report_fact_cell.amount + excluded.amount, found = report_fact_cell.found + excluded.found",
          rows);
      return;
    }
    for (Object[] row : rows) {
      Object[] keyFirst = new Object[row.length];
      keyFirst[0] = row[9];
      keyFirst[1] = row[10];
      System.arraycopy(row, 0, keyFirst, 2, 9);
      if (jdbc.getJdbcTemplate().update("update report_fact_cell set amount = amount + ?, found = found + ?"
          + " where " + KEY, keyFirst) == 0) {
        jdbc.getJdbcTemplate().update(INSERT, row);
      }
    }
  }

  private static final String INSERT = "insert into report_fact_cell (period_kind, period_year, query_id, breakdown,"
      + " commune_code, reform_commune_code, birth_year, cell_key, recorded, amount, found)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String KEY = "period_kind = ? and period_year = ? and query_id = ? and breakdown = ?"
      + " and commune_code = ? and reform_commune_code = ? and birth_year = ? and cell_key = ? and recorded = ?";

  private static Object[] row(Cell cell, long[] sums) {
    return new Object[] {cell.kind(), cell.year(), cell.query(), cell.breakdown(), cell.commune(), cell.reform(),
        cell.birthYear(), cell.key(), cell.recorded(), sums[0], sums[1]};
  }

  private void insert(Map<Cell, long[]> all) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<Cell, long[]> entry : all.entrySet()) {
      if (entry.getValue()[1] != 0) {
        rows.add(row(entry.getKey(), entry.getValue()));
      }
      if (rows.size() == FETCH) {
        jdbc.getJdbcTemplate().batchUpdate(INSERT, rows);
        rows.clear();
      }
    }
    jdbc.getJdbcTemplate().batchUpdate(INSERT, rows);
  }

  /**
   * Whether the cells can answer these queries over this period: a plan year, or whole calendar years (from a
   * 1 January to a 31 December), every query summarised with every breakdown asked of it.
   */
  boolean answers(Map<FactQuery, Set<Breakdown>> asked, ReportPeriod period) {
    boolean wholeYears = period.planYear() != null || period.from().getDayOfYear() == 1
        && period.to().getMonthValue() == 12 && period.to().getDayOfMonth() == 31;
    return enabled && made && wholeYears && asked.entrySet().stream()
        .allMatch(entry -> cells.id(entry.getKey()) != null
            && cells.kept(entry.getKey()).containsAll(entry.getValue()));
  }

  /** What {@link FactCounts#count} counts, added up from the cells (only when {@link #answers}). */
  Map<FactQuery, FactCounts.Counted> count(Map<FactQuery, Set<Breakdown>> asked, FactCounts.Scope scope) {
    ReportPeriod period = scope.period();
    LocalDate lastDay = period.to();
    Map<String, Object> params = new HashMap<>();
    params.put("communes", scope.communes());
    params.put("kind", period.planYear() != null ? SummaryCells.PLAN_YEAR : SummaryCells.CALENDAR_YEAR);
    params.put("first", period.planYear() != null ? period.planYear() : period.from().getYear());
    params.put("last", period.planYear() != null ? period.planYear() : lastDay.getYear());
    params.put("queries", asked.keySet().stream().map(cells::id).toList());
    String sql = "select query_id, breakdown, k, recorded, birth_year, sum(amount), sum(found) from (select query_id,"
        + " breakdown, case when breakdown = 'commune' then case when commune_code in (:communes) then commune_code"
        + " else reform_commune_code end else cell_key end as k, recorded, birth_year, amount, found"
        + " from report_fact_cell where period_kind = :kind and period_year between :first and :last"
        + " and query_id in (:queries) and (commune_code in (:communes) or reform_commune_code in (:communes))) c"
        + " group by query_id, breakdown, k, recorded, birth_year";
    Map<FactQuery, long[]> totals = new HashMap<>();
    Map<FactQuery, Map<Breakdown, Map<String, long[]>>> sums = new HashMap<>();
    jdbc.query(sql, params, rs -> {
      FactQuery query = cells.queries().get(rs.getInt(1));
      int birthYear = rs.getInt(5);
      if (!bornLateEnough(query, birthYear, lastDay)) {
        return;
      }
      Breakdown breakdown = Breakdown.of(rs.getString(2));
      long amount = rs.getLong(6);
      long found = rs.getLong(7);
      if (breakdown == Breakdown.COMMUNE) {
        totals.computeIfAbsent(query, q -> new long[1])[0] += amount;
      }
      if (asked.get(query).contains(breakdown)) {
        String key = breakdown == Breakdown.AGE_BAND ? AgeBands.of(LocalDate.of(birthYear, 1, 1), lastDay)
            : rs.getBoolean(4) ? rs.getString(3) : null;
        long[] cell = sums.computeIfAbsent(query, q -> new HashMap<>()).computeIfAbsent(breakdown,
            b -> new HashMap<>()).computeIfAbsent(key, k -> new long[2]);
        cell[0] += amount;
        cell[1] += found;
      }
    });
    Map<FactQuery, FactCounts.Counted> counted = new HashMap<>();
    for (Map.Entry<FactQuery, Set<Breakdown>> entry : asked.entrySet()) {
      Map<Breakdown, Map<String, Long>> byKey = new HashMap<>();
      for (Breakdown breakdown : entry.getValue()) {
        Map<String, Long> values = new HashMap<>();
        sums.getOrDefault(entry.getKey(), Map.of()).getOrDefault(breakdown, Map.of()).forEach((key, cell) -> {
          // a key only where the query found someone, as the facts' own grouping gives it
          if (cell[1] != 0) {
            values.put(key, cell[0]);
          }
        });
        byKey.put(breakdown, values);
      }
      counted.put(entry.getKey(), new FactCounts.Counted(totals.getOrDefault(entry.getKey(), new long[1])[0],
          byKey));
    }
    return counted;
  }

  /**
   * An age condition, on a period ending on a 31 December: younger than n years on that day is born after
   * 31 December n years before, that is in the year n - 1 before the period's last year or later.
   */
  private static boolean bornLateEnough(FactQuery query, int birthYear, LocalDate lastDay) {
    for (Filter filter : query.where()) {
      if (filter.word() == Filter.Word.AGE_UNDER
          && birthYear < lastDay.getYear() - Integer.parseInt(filter.value()) + 1) {
        return false;
      }
    }
    return true;
  }
}
