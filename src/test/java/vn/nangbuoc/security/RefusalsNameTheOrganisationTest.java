package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;

/**
 * Issue 19: a refusal says who may do what was refused, by the names the organisation data gives the kinds
 * of agency with the capability today. After the 2025 reform a commune's culture–social office lists
 * children where the city's labour office did; a sentence written in the code would send people to an office
 * that no longer exists.
 */
@NangBuocSpringTest
class RefusalsNameTheOrganisationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;

  private final Map<String, String> renamed = new HashMap<>();

  @AfterEach
  void restoreNames() {
    renamed.forEach((code, name) -> jdbc.sql("update agency_kind set name = ? where code = ?").params(name, code)
        .update());
    renamed.clear();
  }

  @Test
  void shouldNameTheKindsThatListChildrenAsTheDataNamesThem() {
    rename("LABOUR_SOCIAL_AFFAIRS", "Phòng Văn hóa – Xã hội");
    PageBrowser pages = new PageBrowser(http);
    String inspector = pages.login("thanhtra");

    String importPage = HtmlUtils.htmlUnescape(pages.get(inspector, "/ho-so/nhap").getBody());
    String duplicatesPage = HtmlUtils.htmlUnescape(pages.get(inspector, "/ho-so/trung-lap").getBody());
    ResponseEntity<Map<String, Object>> api = http.withBasicAuth("thanhtra", "demo123").exchange("/api/cases",
        HttpMethod.POST, new HttpEntity<>(Map.of("fullName", "Lục Văn An")), OBJECT);

    String listers = "Phòng Văn hóa – Xã hội, Ủy ban nhân dân xã/phường";
    assertThat(importPage).contains("Chỉ cán bộ của " + listers + " được nhập danh sách trẻ.")
        .doesNotContain("Lao động");
    assertThat(duplicatesPage).contains("Chỉ cán bộ của " + listers + " được gộp hồ sơ.");
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.getBody()).containsEntry("message",
        "Chỉ cán bộ của " + listers + " được lập danh sách và ghi nhận thay đổi của hồ sơ.");
  }

  @Test
  void shouldNameTheKindsThatKeepTheFundsBooksAsTheDataNamesThem() {
    rename("FINANCE_PLANNING", "Phòng Kinh tế");

    ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("cbmaipha", "demo123").exchange(
        "/api/funds/quyBttTpLangSon/receipts", HttpMethod.POST, new HttpEntity<>(Map.of("amount", 1)), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("message",
        "Chỉ cán bộ của Phòng Kinh tế, Quỹ Bảo trợ trẻ em thuộc Thành phố Lạng Sơn được ghi khoản thu vào quỹ này.");
  }

  @Test
  void shouldNameTheKindsThatAuditAsTheDataNamesThem() {
    rename("INSPECTORATE", "Thanh tra tỉnh");

    ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("cbmaipha", "demo123").exchange(
        "/api/identity-changes", HttpMethod.GET, null, OBJECT);

    ResponseEntity<Map<String, Object>> accessLog = http.withBasicAuth("cbmaipha", "demo123").exchange(
        "/api/cases/1/access-log", HttpMethod.GET, null, OBJECT);
    ResponseEntity<Map<String, Object>> erasures = http.withBasicAuth("cbmaipha", "demo123").exchange(
        "/api/admin/case-erasures", HttpMethod.GET, null, OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("message",
        "Chỉ cán bộ của Thanh tra tỉnh được xem nhật ký thay đổi nhóm và quyền.");
    assertThat(accessLog.getBody()).containsEntry("message",
        "Chỉ cán bộ của Thanh tra tỉnh và quản trị viên được xem nhật ký truy cập hồ sơ.");
    assertThat(erasures.getBody()).containsEntry("message",
        "Chỉ cán bộ của Thanh tra tỉnh và quản trị viên được xem nhật ký xóa hồ sơ.");
  }

  private void rename(String kind, String name) {
    renamed.put(kind, jdbc.sql("select name from agency_kind where code = ?").param(kind).query(String.class)
        .single());
    jdbc.sql("update agency_kind set name = ? where code = ?").params(name, kind).update();
  }
}
