package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;

/**
 * Only the keepers of a fund's own unit write in its books: the city's finance staff, who keep the city fund's
 * books, write nothing in a fund of the province (as stands beside the city's while a reorganisation hands one over)
 * — no receipt, no proposed correction, no confirmation or refusal of one, over the API or the pages — and the
 * page offers them no decision. Nothing is written by any refused call.
 */
@NangBuocSpringTest
class FundKeepersTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final List<String> CITY_KEEPERS = List.of("cvtaichinh", "ktquy");

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FundReceipts receipts;
  @Autowired
  FundCorrections corrections;
  @Autowired
  FundBooks books;

  String provinceFund;
  long receipt;
  long proposal;

  @BeforeEach
  void aFundOfTheProvince() {
    provinceFund = "testProvinceFund" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("insert into fund (id, name, unit_code) values (?, 'Quỹ của tỉnh (thử nghiệm)', 'LANGSON')",
        provinceFund);
    receipts.receive(provinceFund, ReceiptKind.BUDGET, 5_000_000L, null, null, LocalDate.now(), "keeperOfTheProvince");
    receipt = jdbc.queryForObject("select id from fund_entry where fund_id = ?", Long.class, provinceFund);
    proposal = corrections.propose(receipt, -1_000_000, 0, 0, "Nhập nhầm", "keeperOfTheProvince").id();
  }

  @AfterEach
  void removeTheFund() {
    TestFunds.remove(jdbc, provinceFund);
  }

  @Test
  void shouldRefuseEveryWriteOfTheCitysKeepersInTheProvincesFundOverTheApi() {
    for (String keeper : CITY_KEEPERS) {
      assertRefused(post(keeper, "/api/funds/" + provinceFund + "/receipts",
          Map.of("kind", "BUDGET", "amount", 1_000_000, "date", LocalDate.now().toString())), "ghi khoản thu");
      assertRefused(post(keeper, "/api/funds/entries/" + receipt + "/corrections",
          Map.of("available", -1, "reserved", 0, "disbursed", 0, "reason", "Thử")), "đề xuất điều chỉnh");
      assertRefused(post(keeper, "/api/funds/corrections/" + proposal + "/confirmation", Map.of()), "xác nhận");
      assertRefused(post(keeper, "/api/funds/corrections/" + proposal + "/rejection", Map.of("reason", "Thử")),
          "từ chối");
    }
    assertNothingWritten();
  }

  @Test
  void shouldRefuseTheDecisionOnThePagesAndOfferNone() {
    PageBrowser pages = new PageBrowser(http);
    String path = "/quy/" + provinceFund + "/dieu-chinh";
    for (String keeper : CITY_KEEPERS) {
      String session = pages.login(keeper);
      assertThat(pages.get(session, path).getBody()).contains("Nhập nhầm").doesNotContain("/xac-nhan", "/tu-choi");
      ResponseEntity<String> confirmed = pages.submit(session, path, "/quy/dieu-chinh/" + proposal + "/xac-nhan");
      assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(confirmed.getBody()).contains("thuộc Tỉnh Lạng Sơn được xác nhận hoặc từ chối điều chỉnh sổ quỹ này");
      assertThat(pages.submit(session, path, "/quy/dieu-chinh/" + proposal + "/tu-choi").getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertNothingWritten();
  }

  @Test
  void shouldLetTheCitysKeepersDecideOnTheCitysFund() {
    String cityFund = TestFunds.create(jdbc);
    try {
      assertThat(post("cvtaichinh", "/api/funds/" + cityFund + "/receipts",
          Map.of("kind", "BUDGET", "amount", 1_000_000, "date", LocalDate.now().toString())).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      long entry = jdbc.queryForObject("select id from fund_entry where fund_id = ?", Long.class, cityFund);
      ResponseEntity<Map<String, Object>> proposed = post("cvtaichinh", "/api/funds/entries/" + entry
          + "/corrections", Map.of("available", -100_000, "reserved", 0, "disbursed", 0, "reason", "Phí"));
      assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      long id = ((Number) proposed.getBody().get("id")).longValue();
      assertThat(post("ktquy", "/api/funds/corrections/" + id + "/confirmation", Map.of()).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      assertThat(books.balance(cityFund)).isEqualTo(new Balance(900_000, 0, 0));
    } finally {
      TestFunds.remove(jdbc, cityFund);
    }
  }

  private void assertRefused(ResponseEntity<Map<String, Object>> answer, String action) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) answer.getBody().get("message")).startsWith("Chỉ cán bộ của ")
        .contains("thuộc Tỉnh Lạng Sơn được " + action);
  }

  private void assertNothingWritten() {
    assertThat(books.balance(provinceFund)).isEqualTo(new Balance(5_000_000, 0, 0));
    assertThat(jdbc.queryForObject("select count(*) from fund_entry where fund_id = ?", Integer.class, provinceFund))
        .isEqualTo(1);
    assertThat(corrections.correction(proposal).status()).isEqualTo(CorrectionStatus.PROPOSED);
    assertThat(jdbc.queryForObject("select count(*) from fund_correction where fund_id = ?", Integer.class,
        provinceFund)).isEqualTo(1);
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
    return http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.POST, new HttpEntity<>(body), OBJECT);
  }
}
