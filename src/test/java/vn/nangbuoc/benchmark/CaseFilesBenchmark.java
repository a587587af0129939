package vn.nangbuoc.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.caseimport.CaseImportService;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseQuery;
import vn.nangbuoc.casefile.CaseSearch;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.listing.PathwayStarter;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * Figures for issue 3, on PostgreSQL: a 10,000-row list previewed and imported, and searches over
 * 100,000 case files. Prints medians and 95th percentiles; asserts only that the work was done (a
 * timing assertion would fail on a busy machine and prove nothing). Run with
 * {@code mvn -Pbenchmark verify} (see README).
 */
@NangBuocBenchmark
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseFilesBenchmark {

  // smaller figures for a quick look: -Dbenchmark.import-rows=1000 -Dbenchmark.search-cases=10000
  static final int IMPORT_ROWS = Integer.getInteger("benchmark.import-rows", 10_000);
  static final int SEARCH_CASES = Integer.getInteger("benchmark.search-cases", 100_000);
  static final int PATHWAY_STARTS = Integer.getInteger("benchmark.pathway-starts", 1_000);
  static final int RUNS = 3;
  static final int QUERY_REPEATS = 40;
  @Autowired
  CaseImportService imports;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  CaseSearch search;
  @Autowired
  PathwayStarter starter;
  @Autowired
  OrganisationDirectory organisation;
  @Autowired
  JdbcClient jdbc;

  BenchmarkChildren children;

  private ChildListing child(int sequence, boolean withPersonalId) {
    if (children == null) {
      children = new BenchmarkChildren(20261123, organisation.communesOf("cvldtbxh").stream().sorted().toList(),
          100_000_000_000L);
    }
    return children.child(sequence, withPersonalId);
  }

  @Test
  @Order(1)
  void importTenThousandRows() {
    List<Long> previews = new ArrayList<>();
    List<Long> confirms = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      byte[] file = csv(IMPORT_ROWS, run);
      long start = System.nanoTime();
      long id = imports.preview("danh-sach-" + run + ".csv", file, "cvldtbxh");
      long previewed = System.nanoTime();
      CaseImportService.Confirmed confirmed = imports.confirm(id, "cvldtbxh");
      long done = System.nanoTime();
      assertThat(confirmed.createdCaseIds()).hasSize(IMPORT_ROWS);
      previews.add((previewed - start) / 1_000_000);
      confirms.add((done - previewed) / 1_000_000);
    }
    print("Import of " + IMPORT_ROWS + " rows (CSV, " + RUNS + " runs)", Map.of(
        "preview (read, check, duplicates)", previews, "confirm (case files, waiting pathways)", confirms,
        "preview + confirm", sum(previews, confirms)));

    long start = System.nanoTime();
    int started = starter.startDue(PATHWAY_STARTS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(started).isEqualTo(PATHWAY_STARTS);
    System.out.printf("BENCHMARK pathway starts after an import: %d in %d ms (%.0f per second)%n", PATHWAY_STARTS,
        millis, PATHWAY_STARTS * 1000.0 / millis);
  }

  @Test
  @Order(2)
  void searchOneHundredThousandCaseFiles() {
    long existing = jdbc.sql("select count(*) from case_file").query(Long.class).single();
    List<ChildListing> batch = new ArrayList<>();
    for (long i = existing; i < SEARCH_CASES; i++) {
      batch.add(child((int) i, true));
      if (batch.size() == 10_000) {
        caseFiles.openAll(batch, "cvldtbxh");
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      caseFiles.openAll(batch, "cvldtbxh");
    }
    jdbc.sql("analyze case_file").update();
    assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single())
        .isGreaterThanOrEqualTo(SEARCH_CASES);
    Set<String> city = organisation.communesOf("cvldtbxh");
    Set<String> oneCommune = organisation.communesOf("cbmaipha");
    String someNumber = jdbc.sql("select case_number from case_file order by id desc fetch first 1 rows only")
        .query(String.class).single();
    String someId = jdbc.sql("select personal_id from case_file where personal_id is not null"
        + " fetch first 1 rows only").query(String.class).single();
    Map<String, Supplier<CaseSearch.Page>> queries = new LinkedHashMap<>();
    queries.put("name without diacritics, whole city", () -> search.search(
        query("nguyen van hung", null, null, null, null, "ten", 0), city));
    queries.put("name fragment, one commune", () -> search.search(
        query("thi lan", null, null, null, null, "moi-nhat", 0), oneCommune));
    queries.put("case number", () -> search.search(query(null, someNumber, null, null, null, null, 0), city));
    queries.put("personal ID", () -> search.search(query(null, null, someId, null, null, null, 0), city));
    queries.put("status + condition, newest, page 3", () -> search.search(
        query(null, null, null, CaseStatus.ACTIVE, ConditionGroup.MOTOR, "moi-nhat", 2), city));
    queries.put("current step", () -> search.search(new CaseQuery(null, null, null, null, null, null,
        ChildPathway.TASK_REVIEW_LISTING, "moi-nhat", 0, 25), city));
    queries.put("everything, by name, page 10", () -> search.search(
        query(null, null, null, null, null, "ten", 9), city));
    Map<String, List<Long>> figures = new LinkedHashMap<>();
    queries.forEach((name, query) -> {
      for (int i = 0; i < 5; i++) {
        query.get();
      }
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < QUERY_REPEATS; i++) {
        long start = System.nanoTime();
        assertThat(query.get().total()).as(name).isPositive();
        micros.add((System.nanoTime() - start) / 1_000);
      }
      figures.put(name, micros);
    });
    System.out.println("BENCHMARK case search over " + SEARCH_CASES + " case files (" + QUERY_REPEATS
        + " runs each, times in ms: count query + page query)");
    figures.forEach((name, micros) -> System.out.printf("BENCHMARK   %-40s median %6.1f  p95 %6.1f%n", name,
        Figures.percentile(micros, 50) / 1000.0, Figures.percentile(micros, 95) / 1000.0));
    explain("select count(*) from case_file where commune_code in ('MAIPHA') and (' ' || name_folded || ' ')"
        + " like '%thi lan%'");
    explain("select id from case_file where commune_code in ('MAIPHA', 'HOANGDONG') and status = 'ACTIVE'"
        + " and condition_group = 'MOTOR' order by listed_at desc, id desc offset 50 rows fetch next 25 rows only");
    explain("select id from case_file where process_instance_id = 'no-such-pathway'");
  }

  private void explain(String sql) {
    System.out.println("BENCHMARK EXPLAIN " + sql);
    jdbc.sql("explain analyze " + sql).query(String.class).list()
        .forEach(line -> System.out.println("BENCHMARK   " + line));
  }

  private static CaseQuery query(String name, String number, String personalId, CaseStatus status,
      ConditionGroup condition, String sort, int page) {
    return new CaseQuery(name, number, personalId, null, status, condition, null, sort, page, 25);
  }

  private byte[] csv(int rows, int run) {
    StringBuilder text = new StringBuilder("Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh cá nhân,Địa chỉ,"
        + "Xã/phường,Hoàn cảnh hộ gia đình,Dạng khuyết tật,Mức độ khuyết tật,Dạng tật,Họ tên người chăm sóc,"
        + "Quan hệ với trẻ,Số điện thoại\r\n");
    for (int i = 0; i < rows; i++) {
      ChildListing child = child(run * rows + i, i % 2 == 0);
      text.append(String.join(",", child.fullName(), VietnameseFormat.date(child.dateOfBirth()), child.sex().label(),
          "Tày", child.personalId() == null ? "" : child.personalId(), "\"Thôn Pò Mỏ, số " + i + "\"",
          child.communeCode(),
          "Hộ nghèo", "Khuyết tật vận động", "Nặng", "\"" + child.conditionGroup().label() + "\"", "Nông Thị Hạnh",
          "Mẹ", "0912345678")).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<Long> sum(List<Long> a, List<Long> b) {
    List<Long> sums = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      sums.add(a.get(i) + b.get(i));
    }
    return sums;
  }

  private static void print(String title, Map<String, List<Long>> figures) {
    System.out.println("BENCHMARK " + title);
    figures.forEach((name, millis) -> System.out.printf("BENCHMARK   %-40s median %6d ms  runs %s%n", name,
        Figures.percentile(millis, 50), millis));
  }
}
