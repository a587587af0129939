package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.system.EngineTime;

/**
 * The page that declares a period, and the button that opens it, as the head of the city's labour office uses
 * them: dates as dd/mm/yyyy, the indicators as checkboxes, each problem beside its field with nothing stored, a
 * form without its CSRF token refused; an officer of the office is offered neither.
 */
@NangBuocSpringTest
class PeriodFormPagesTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldDeclareAndOpenAnAdHocPeriodFromThePages() {
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("tpldtbxh");
    assertThat(browser.get(session, "/bao-cao-dinh-ky").getBody()).contains("href=\"/bao-cao-dinh-ky/moi\"");
    String page = browser.get(session, "/bao-cao-dinh-ky/moi").getBody();
    assertThat(page).contains("Khai báo kỳ báo cáo", "Hạn gửi của xã/phường", "type=\"checkbox\"",
        "value=\"tre-lap-danh-sach\"", "name=\"kind\" value=\"AD_HOC\"", "Thành phố Lạng Sơn")
        .doesNotContain("value=\"ANNUAL\"");
    String csrf = PageBrowser.csrfToken(page);
    LocalDate today = EngineTime.today();
    String code = "TRANG" + (System.nanoTime() % 100_000);

    MultiValueMap<String, String> wrong = form(csrf, code, "31/02/2026", VietnameseFormat.date(today.minusDays(2)));
    wrong.add("indicators", "khong-co");
    ResponseEntity<String> refused = browser.post(session, "/bao-cao-dinh-ky/moi", wrong);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("class=\"field-error\"", "Ngày bắt đầu của kỳ không đúng dạng ngày",
        "Hạn gửi đã qua", "khong-co", "value=\"" + code + "\"");
    assertThat(stored(code)).isZero();

    MultiValueMap<String, String> noToken = form(csrf, code, VietnameseFormat.date(today.withDayOfMonth(1)),
        VietnameseFormat.date(today.plusDays(9)));
    noToken.remove("_csrf");
    assertThat(browser.post(session, "/bao-cao-dinh-ky/moi", noToken).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(stored(code)).isZero();

    MultiValueMap<String, String> right = form(csrf, code, VietnameseFormat.date(today.withDayOfMonth(1)),
        VietnameseFormat.date(today.plusDays(9)));
    right.add("indicators", "tre-lap-danh-sach");
    ResponseEntity<String> declared = browser.post(session, "/bao-cao-dinh-ky/moi", right);
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(declared.getHeaders().getLocation().getPath()).isEqualTo("/bao-cao-dinh-ky/" + code);
    assertThat(jdbc.sql("select commune_deadline from report_period where code = ?").param(code)
        .query(LocalDate.class).single()).isEqualTo(today.plusDays(9));

    String periodPage = browser.get(session, "/bao-cao-dinh-ky/" + code).getBody();
    assertThat(periodPage).contains("Mở kỳ báo cáo", "action=\"/bao-cao-dinh-ky/" + code + "/mo\"");
    String officer = browser.login("cvldtbxh");
    assertThat(browser.get(officer, "/bao-cao-dinh-ky/" + code).getBody()).doesNotContain("Mở kỳ báo cáo</button>");
    assertThat(browser.get(officer, "/bao-cao-dinh-ky/moi").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(browser.submit(officer, "/bao-cao-dinh-ky/" + code, "/bao-cao-dinh-ky/" + code + "/mo")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> opened = browser.submit(session, "/bao-cao-dinh-ky/" + code,
        "/bao-cao-dinh-ky/" + code + "/mo");
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(jdbc.sql("select count(*) from unit_report where period_code = ? and receiving_unit_code = 'TPLANGSON'")
        .param(code).query(Integer.class).single()).isEqualTo(8);
    assertThat(browser.get(session, "/bao-cao-dinh-ky/" + code).getBody()).contains("Xã Mai Pha", "Chưa bắt đầu")
        .doesNotContain("Mở kỳ báo cáo</button>");
  }

  private static MultiValueMap<String, String> form(String csrf, String code, String from, String deadline) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf);
    form.add("code", code);
    form.add("name", "Báo cáo đột xuất về tập huấn " + code);
    form.add("kind", "AD_HOC");
    form.add("unit", "TPLANGSON");
    form.add("from", from);
    form.add("to", VietnameseFormat.date(EngineTime.today()));
    form.add("communeDeadline", deadline);
    return form;
  }

  private int stored(String code) {
    return jdbc.sql("select count(*) from report_period where code = ?").param(code).query(Integer.class).single();
  }
}
