package vn.nangbuoc.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.indicators.FactSummary;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Issue 21: the indicator report of the province demo (after the 2025 reform: the province and its communes) on
 * PostgreSQL holding N case files with their report facts, made in the tables ({@link ReportFacts}). Then, as the
 * health department's officer of the province, signed in, each report is asked for over HTTP as the page, the API
 * and the XLSX, a few times to warm up and then timed: the province and one commune, for the plan year (the
 * page's default) and for every year the data spans (every case file in the period). Figures are printed
 * ("BENCHMARK") and written to target/benchmark/.
 *
 * <p>{@code mvn -Preport-benchmark verify -Dbenchmark.cases=100000} (docs/performance.md).
 */
@NangBuocBenchmark
@TestPropertySource(properties = {"nangbuoc.organisation.file=classpath:organisation/lang-son-province.yaml",
    "nangbuoc.demo.users-file=classpath:demo/lang-son-province-users.yaml"})
class ReportBenchmark {

  static final long CASES = Long.getLong("benchmark.cases", 100_000);
  static final int REPEATS = Integer.getInteger("benchmark.repeats", 20);
  static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 3);
  /** Which series to time: the starts of their names, separated by ";" (e.g. "API province;XLSX"); all by default. */
  static final List<String> SERIES = List.of(System.getProperty("benchmark.series", "").split(";")).stream()
      .map(String::strip).filter(word -> !word.isEmpty()).toList();
  /** The health department's officer: the province's every commune. */
  static final String PROVINCE_USER = "cvsyte";
  static final String PROVINCE = "LANGSON";
  static final String COMMUNE = "PDONGKINH";

  @Autowired
  JdbcClient jdbc;
  @Autowired
  OrganisationDirectory organisation;
  @Autowired
  FactSummary summary;
  @Autowired
  TestRestTemplate rest;
  @LocalServerPort
  int port;

  final Figures figures = new Figures("report");
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  String session;

  @Test
  void provinceReportOverManyCaseFiles() throws Exception {
    figures.setting("case files", CASES);
    figures.setting("timed requests per series (after warm-up)", REPEATS + " (" + WARM_UP + ")");
    figures.setting("cores", Runtime.getRuntime().availableProcessors());
    for (String setting : List.of("server_version", "shared_buffers", "work_mem", "max_parallel_workers_per_gather",
        "autovacuum")) {
      figures.setting("postgres " + setting, jdbc.sql("show " + setting).query(String.class).single());
    }
    List<String> communes = organisation.communesOf(PROVINCE_USER).stream().sorted().toList();
    figures.setting("communes", communes);
    ReportFacts facts = new ReportFacts(jdbc);
    long made = facts.made();
    long start = System.nanoTime();
    for (long first = made + 1; first <= CASES; first += ReportFacts.CHUNK) {
      long last = Math.min(CASES, first + ReportFacts.CHUNK - 1);
      facts.make(communes, first, last);
      System.out.printf("BENCHMARK progress data: %d of %d case files, %.0f s%n", last, CASES, seconds(start));
    }
    figures.add("data: case files, facts and task facts made in SQL (" + Math.max(0, CASES - made) + " new)",
        seconds(start), "s");
    long analyze = System.nanoTime();
    // as autovacuum would have by the time a province asks for its report (this server runs without it)
    jdbc.sql("vacuum (analyze) case_file, case_fact, case_task_fact").update();
    figures.add("data: vacuum and analyze", seconds(analyze), "s");
    if (made < CASES) {
      // rows made in the tables bypass the steps that keep the summary: made again from the facts, as at a start
      long cells = System.nanoTime();
      figures.setting("summary cells", summary.rebuild());
      figures.add("data: the summary's cells made from the facts", seconds(cells), "s");
    }
    jdbc.sql("vacuum (analyze) report_fact_cell").update();
    figures.setting("summary cells, table size", jdbc.sql("select count(*) || ' rows, ' || pg_size_pretty("
        + "pg_total_relation_size('report_fact_cell')) from report_fact_cell").query(String.class).single());
    recordVolumes();

    session = new PageBrowser(rest).login(PROVINCE_USER);
    LocalDate today = LocalDate.now();
    String everyYear = "from=" + ReportFacts.FIRST_LISTING + "&to=" + today.getYear() + "-12-31";
    figures.setting("periods", "plan year " + today.getYear() + " (default); every year: " + everyYear);
    checkTheFigures(everyYear);

    time("API province, plan year", "/api/reports/indicators?unit=" + PROVINCE, false);
    time("API province, every year", "/api/reports/indicators?unit=" + PROVINCE + "&" + everyYear, false);
    time("API commune, plan year", "/api/reports/indicators?unit=" + COMMUNE, false);
    time("API commune, every year", "/api/reports/indicators?unit=" + COMMUNE + "&" + everyYear, false);
    time("page /bao-cao province, plan year", "/bao-cao?unit=" + PROVINCE, true);
    time("page /bao-cao province, every year", "/bao-cao?unit=" + PROVINCE + "&" + everyYear, true);
    time("XLSX province, plan year", "/bao-cao.xlsx?unit=" + PROVINCE, true);
    time("XLSX province, every year", "/bao-cao.xlsx?unit=" + PROVINCE + "&" + everyYear, true);
    // not whole calendar years: read from the facts, not from the summary's cells
    time("API province, first quarter", "/api/reports/indicators?unit=" + PROVINCE + "&from=" + today.getYear()
        + "-01-01&to=" + today.getYear() + "-03-31", false);
    figures.write(Path.of("target", "benchmark"), CASES + "-" + LocalDateTime.now()
        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  /**
   * The report counts what is in the tables: children listed, screened and operated on over every year, each as
   * counted by hand; and the breakdowns add up to them. A benchmark of a report that counts wrong measures nothing.
   */
  private void checkTheFigures(String everyYear) throws Exception {
    HttpResponse<byte[]> answer = get("/api/reports/indicators?unit=" + PROVINCE + "&" + everyYear, false);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode report = json.readTree(answer.body());
    assertThat(numerator(report, "tre-lap-danh-sach")).isEqualTo(count("select count(*) from case_fact"
        + " where status <> 'MERGED'"));
    assertThat(numerator(report, "tre-kham-sang-loc")).isEqualTo(count("select count(*) from case_fact"
        + " where status <> 'MERGED' and screened_on is not null"));
    assertThat(numerator(report, "da-phau-thuat")).isEqualTo(count("select count(*) from case_fact"
        + " where status <> 'MERGED' and surgery_status = 'DONE'"));
    for (JsonNode indicator : report.get("indicators")) {
      for (JsonNode split : indicator.get("breakdowns")) {
        if (!"days".equals(indicator.get("unit").asText())) {
          long sum = 0;
          for (JsonNode row : split.get("rows")) {
            sum += row.get("numerator").asLong();
          }
          assertThat(sum).as(indicator.get("id") + " by " + split.get("by")).isEqualTo(indicator.get("numerator")
              .asLong());
        }
      }
    }
    figures.setting("indicators", report.get("indicators").size());
    // the answer without its time: two runs on the same data (before and after a change) give the same file
    ((ObjectNode) report).remove("computedAt");
    Path answerFile = Path.of("target", "benchmark", "report-" + CASES + "-every-year-answer.json");
    Files.createDirectories(answerFile.getParent());
    json.writerWithDefaultPrettyPrinter().writeValue(answerFile.toFile(), report);
    figures.setting("children listed, every year (the report's count)", numerator(report, "tre-lap-danh-sach"));
    figures.setting("size of the API's answer, every year", answer.body().length + " bytes");
  }

  private static long numerator(JsonNode report, String id) {
    for (JsonNode indicator : report.get("indicators")) {
      if (indicator.get("id").asText().equals(id)) {
        return indicator.get("numerator").asLong();
      }
    }
    throw new AssertionError("no indicator " + id);
  }

  /** Warms up, then times {@link #REPEATS} requests one after the other: median, 95th percentile and maximum. */
  private void time(String name, String path, boolean page) throws Exception {
    if (!SERIES.isEmpty() && SERIES.stream().noneMatch(name::startsWith)) {
      return;
    }
    List<Long> micros = new ArrayList<>();
    int bytes = 0;
    for (int i = 0; i < WARM_UP + REPEATS; i++) {
      long begin = System.nanoTime();
      HttpResponse<byte[]> answer = get(path, page);
      long elapsed = (System.nanoTime() - begin) / 1_000;
      assertThat(answer.statusCode()).as(name).isEqualTo(200);
      bytes = answer.body().length;
      if (i >= WARM_UP) {
        micros.add(elapsed);
      }
    }
    figures.add(name + " p50", Figures.percentile(micros, 50) / 1000.0, "ms");
    figures.add(name + " p95", Figures.percentile(micros, 95) / 1000.0, "ms");
    figures.add(name + " max", Figures.percentile(micros, 100) / 1000.0, "ms");
    figures.setting(name + ": answer, load average after", bytes + " bytes, " + loadAverage());
  }

  /** A page with the signed-in session, the API with the user's credentials (Basic), as each is used. */
  private HttpResponse<byte[]> get(String path, boolean page) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (page) {
      request.header("Cookie", session);
    } else {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((PROVINCE_USER + ":demo123")
          .getBytes(StandardCharsets.UTF_8))).header("Accept", "application/json");
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The machine is shared: how busy it was (1-minute load average; 2 cores) says how to read a figure. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void recordVolumes() {
    for (String table : List.of("case_file", "case_fact", "case_task_fact")) {
      figures.setting("rows in " + table, count("select count(*) from " + table));
    }
    figures.setting("case_fact by status", jdbc.sql("select string_agg(status || ' ' || n, ', ' order by status)"
        + " from (select status, count(*) n from case_fact group by status) s").query(String.class).single());
    figures.setting("case_fact by closure outcome", jdbc.sql("select string_agg(coalesce(closure_outcome, '-') || ' '"
        + " || n, ', ' order by closure_outcome) from (select closure_outcome, count(*) n from case_fact"
        + " group by closure_outcome) s").query(String.class).single());
    figures.setting("case_fact by indication", jdbc.sql("select string_agg(coalesce(indication, '-') || ' ' || n,"
        + " ', ' order by indication) from (select indication, count(*) n from case_fact group by indication) s")
        .query(String.class).single());
    figures.setting("case_fact by commune", jdbc.sql("select string_agg(commune_code || ' ' || n, ', '"
        + " order by commune_code) from (select commune_code, count(*) n from case_fact group by commune_code) s")
        .query(String.class).single());
    figures.setting("table sizes", jdbc.sql("select string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size("
        + "oid)), ', ') from pg_class where relname in ('case_file', 'case_fact', 'case_task_fact')")
        .query(String.class).single());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
