package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/** The fund's pages behind a session login: what an inspector reads, and who may not. */
@NangBuocSpringTest
class FundPagesTest {

  @Autowired
  TestRestTemplate browser;

  TestRestTemplate http;

  PageBrowser pages;

  @BeforeEach
  void noRedirects() {
    http = browser.withRedirects(Redirects.DONT_FOLLOW);
    pages = new PageBrowser(browser);
  }

  @Autowired
  FundBooks ledger;
  @Autowired
  FundReceipts receipts;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;

  @Test
  void shouldShowTheFundToAnInspectorAfterLogin() {
    String session = login("thanhtra");
    String fund = ledger.fundServing("MAIPHA");

    String overview = page(session, "/quy").getBody();
    Balance balance = ledger.balance(fund);
    assertThat(overview).contains("Quỹ Bảo trợ trẻ em thành phố Lạng Sơn", "Còn khả dụng",
        VietnameseFormat.money(balance.available()), "Đăng xuất");
    String book = page(session, "/quy/" + fund + "/so-cai?tu=2000-01-01").getBody();
    assertThat(book).contains("Sổ quỹ", "Ngân sách", "Cộng trong kỳ");
    assertThat(page(session, "/quy/" + fund + "/de-nghi?trang-thai=APPROVED").getBody()).contains("Đề nghị hỗ trợ");
    ResponseEntity<String> headers = page(session, "/quy");
    assertThat(headers.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'none'");
  }

  @Test
  void shouldSumTheYearsPaymentsAndDonationsOnTheOverviewAsTheLedgerHasThem() {
    String fund = ledger.fundServing("MAIPHA");
    LocalDate today = EngineTime.today();
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 4_270_000, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    driver.disburse(pathway, 4_270_000);
    receipts.receive(fund, ReceiptKind.DONATION, 3_141_000, "Hội Liên hiệp Phụ nữ thành phố", null, today,
        "cvtaichinh");
    receipts.receive(fund, ReceiptKind.BUDGET, 2_000_000, null, null, today, "cvtaichinh");
    receipts.receive(fund, ReceiptKind.DONATION, 1_000_000, "Năm trước", null, today.withDayOfYear(1).minusDays(1),
        "cvtaichinh");
    List<LedgerEntry> thisYear = ledger.entries(fund, today.withDayOfYear(1), today);
    long disbursed = thisYear.stream().mapToLong(LedgerEntry::disbursed).sum();
    long donations = thisYear.stream().filter(entry -> entry.receiptKind() == ReceiptKind.DONATION)
        .mapToLong(LedgerEntry::amount).sum();

    String overview = page(login("thanhtra"), "/quy").getBody();

    String name = ledger.funds().stream().filter(f -> f.id().equals(fund)).findFirst().orElseThrow().name();
    String section = overview.substring(overview.indexOf("<h2>" + name + "</h2>"));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(card(section, "Đã chi trong năm")).isEqualTo(VietnameseFormat.money(disbursed));
    assertThat(card(section, "Ủng hộ nhận trong năm")).isEqualTo(VietnameseFormat.money(donations));
    assertThat(disbursed).isGreaterThanOrEqualTo(4_270_000);
  }

  private static String card(String html, String label) {
    Matcher card = Pattern.compile(Pattern.quote(label) + "</div><div class=\"amount\">([^<]*)</div>").matcher(html);
    assertThat(card.find()).as(label).isTrue();
    return card.group(1);
  }

  @Test
  void shouldSendStrangersToTheLoginAndKeepCaseworkersOut() {
    ResponseEntity<String> anonymous = http.getForEntity("/quy", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");

    ResponseEntity<String> caseworker = page(login("cbmaipha"), "/quy");
    assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(caseworker.getBody()).contains("Bạn không có quyền xem sổ của Quỹ.");
  }

  @Test
  void shouldRefuseALoginWithoutTheFormsCsrfToken() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "thanhtra");
    form.add("password", "demo123");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

    ResponseEntity<String> forged = http.postForEntity("/dang-nhap", new HttpEntity<>(form, headers), String.class);

    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String login(String user) {
    return pages.login(user);
  }

  private ResponseEntity<String> page(String session, String path) {
    return pages.get(session, path);
  }
}
