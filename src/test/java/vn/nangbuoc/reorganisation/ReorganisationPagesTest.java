package vn.nangbuoc.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

/**
 * The administrator's reorganisation page on the shared city, where nothing is applied: the home page leads to
 * it, a change set in the future is previewed with its problem highlighted and no Apply button, a change set that
 * cannot be read is said in Vietnamese beside the field and nothing is kept, a form without its CSRF token is
 * refused, and everyone but an administrator is refused the page and its forms. (Applying one on the page is
 * {@link ReorganisationPageApplyTest}'s, on its own city.)
 */
@NangBuocSpringTest
class ReorganisationPagesTest {

  private static final String PAGE = "/quan-tri/to-chuc-lai";
  private static final String NEXT_CENTURY = """
      name: "Đổi tên xã Mai Pha (thử trang quản trị)"
      effective: 2099-01-01
      changes:
        - rename: {unit: MAIPHA, name: "Mai Pha Mới"}
      """;

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldPreviewAnUploadedFileInVietnameseWithItsProblemAndNoApplyButton() {
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("quantri");
    assertThat(pages.get(session, "/trang-chu").getBody()).contains("href=\"/quan-tri/to-chuc-lai\"",
        "Sắp xếp lại tổ chức");
    String form = pages.get(session, PAGE).getBody();

    ResponseEntity<String> uploaded = pages.upload(session, PAGE, PageBrowser.csrfToken(form), "tep",
        "doi-ten.yaml", NEXT_CENTURY.getBytes(StandardCharsets.UTF_8));

    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    String detail = uploaded.getHeaders().getLocation().getPath();
    assertThat(detail).matches(PAGE + "/\\d+");
    String page = pages.get(session, detail).getBody();
    assertThat(page).contains("Đổi tên xã Mai Pha (thử trang quản trị)", "Đã xem trước", "01/01/2099",
        "Vấn đề chặn việc áp dụng (1)", "Chưa đến ngày hiệu lực", "Bản xem trước", "Đơn vị hành chính")
        .doesNotContain("/ap-dung", "Hồ sơ đã chuyển");
    // the preview renamed the commune in a transaction that was rolled back
    assertThat(jdbc.sql("select name from administrative_unit where code = 'MAIPHA'").query(String.class).single())
        .isEqualTo("Mai Pha");
    assertThat(pages.get(session, PAGE).getBody()).contains("href=\"" + detail + "\"",
        "Đổi tên xã Mai Pha (thử trang quản trị)", "Đã xem trước", "quantri");

    // pressing Apply anyway, confirmed: refused beside the button, nothing starts
    MultiValueMap<String, String> confirmed = formOf(page);
    confirmed.add("xac-nhan", "co");
    ResponseEntity<String> refused = pages.post(session, detail + "/ap-dung", confirmed);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Chưa áp dụng được");
    assertThat(status(detail)).isEqualTo("PREVIEWED");
    // and Stop, on one that does not run: refused, nothing asked of a later apply
    ResponseEntity<String> notRunning = pages.post(session, detail + "/dung", confirmed);
    assertThat(notRunning.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notRunning.getBody()).contains("không đang được áp dụng");
    assertThat(jdbc.sql("select stop_requested from reorganisation where id = ?").param(id(detail))
        .query(Boolean.class).single()).isFalse();
  }

  @Test
  void shouldSayWhatIsWrongWithPastedYamlBesideTheFieldAndKeepNothing() {
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("quantri");
    long before = reorganisations();
    MultiValueMap<String, String> form = formOf(pages.get(session, PAGE).getBody());
    form.add("noi-dung", "name: \"thử lỗi\"\nchanges:\n  - merge: [MAIPHA]\n");

    ResponseEntity<String> refused = pages.post(session, PAGE, form);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("class=\"message refusal\"", "Thiếu ngày hiệu lực (effective).",
        "merge cần danh sách đơn vị và đơn vị nhận (into)", "thử lỗi");
    MultiValueMap<String, String> broken = formOf(pages.get(session, PAGE).getBody());
    broken.add("noi-dung", "name: [");
    assertThat(pages.post(session, PAGE, broken).getBody()).contains("không đọc được", "cú pháp YAML");
    MultiValueMap<String, String> empty = formOf(pages.get(session, PAGE).getBody());
    assertThat(pages.post(session, PAGE, empty).getBody()).contains("Hãy chọn tệp YAML hoặc dán nội dung");
    assertThat(reorganisations()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAFormWithoutItsCsrfToken() {
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("quantri");
    long before = reorganisations();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("noi-dung", NEXT_CENTURY);

    assertThat(pages.post(session, PAGE, form).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pages.post(session, PAGE + "/1/ap-dung", form).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reorganisations()).isEqualTo(before);
  }

  @Test
  void shouldRefuseThePageAndItsFormsToAnyoneButAnAdministrator() {
    PageBrowser pages = new PageBrowser(http);
    String admin = pages.login("quantri");
    MultiValueMap<String, String> upload = formOf(pages.get(admin, PAGE).getBody());
    upload.add("noi-dung", NEXT_CENTURY);
    String detail = pages.post(admin, PAGE, upload).getHeaders().getLocation().getPath();
    long before = reorganisations();

    for (String user : new String[] {"cbmaipha", "thanhtra", "cvtaichinh"}) {
      String session = pages.login(user);
      assertThat(pages.get(session, "/trang-chu").getBody()).doesNotContain("/quan-tri/to-chuc-lai");
      assertThat(pages.get(session, PAGE).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<String> page = pages.get(session, detail);
      assertThat(page.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(page.getBody()).contains("Chỉ quản trị viên được sắp xếp lại tổ chức.")
          .doesNotContain("Đổi tên xã Mai Pha");
      // the forms, with the user's own valid token
      MultiValueMap<String, String> form = formOf(pages.get(session, "/trang-chu").getBody());
      form.add("noi-dung", NEXT_CENTURY);
      form.add("xac-nhan", "co");
      for (String post : new String[] {PAGE, detail + "/ap-dung", detail + "/dung"}) {
        assertThat(pages.post(session, post, form).getStatusCode()).as(user + " " + post)
            .isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
    assertThat(reorganisations()).isEqualTo(before);
    assertThat(status(detail)).isEqualTo("PREVIEWED");
    assertThat(jdbc.sql("select stop_requested from reorganisation where id = ?").param(id(detail))
        .query(Boolean.class).single()).isFalse();
  }

  private static MultiValueMap<String, String> formOf(String page) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(page));
    return form;
  }

  private long reorganisations() {
    return jdbc.sql("select count(*) from reorganisation").query(Long.class).single();
  }

  private String status(String detail) {
    return jdbc.sql("select status from reorganisation where id = ?").param(id(detail)).query(String.class).single();
  }

  private static long id(String detail) {
    return Long.parseLong(detail.substring(detail.lastIndexOf('/') + 1));
  }
}
