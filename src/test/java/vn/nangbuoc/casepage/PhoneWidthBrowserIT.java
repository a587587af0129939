package vn.nangbuoc.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import vn.nangbuoc.Chromium;
import vn.nangbuoc.NangBuocPostgresTest;

/**
 * Every page of the product fits a phone (390 px wide, an iPhone's): nothing scrolls sideways but the
 * wide tables inside their own frame, and the footer is not cut off. Each page is measured in Debian's
 * Chromium and written to target/screenshots/phone-*.png.
 */
@NangBuocPostgresTest
class PhoneWidthBrowserIT {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate http;

  WebDriver browser;

  @BeforeAll
  static void requireChromium() {
    Chromium.require();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldFitEveryPageOnAPhone() throws Exception {
    Map<String, Object> child = Map.of("fullName", "Hoàng Thị Phương Thảo", "dateOfBirth", "03/04/2021",
        "sex", "FEMALE", "address", "Thôn Khòn Pát, xã Mai Pha", "conditionGroup", "CLEFT_LIP_PALATE",
        "caregiverName", "Hoàng Văn Bình", "caregiverRelation", "FATHER");
    Object caseId = http.withBasicAuth("cbmaipha", "demo123")
        .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(child), OBJECT).getBody().get("id");
    List<String> failures = new ArrayList<>();
    browser = Chromium.vietnamese();
    browser.manage().window().setSize(new Dimension(390, 844));

    logIn("cbmaipha", "/ho-so");
    for (String page : List.of("/trang-chu", "/ho-so", "/ho-so/" + caseId, "/ho-so/" + caseId + "/sua",
        "/ho-so/nhap", "/ho-so/trung-lap", "/thu", "/bao-cao",
        "/bao-cao/ho-so?indicator=tre-lap-danh-sach&part=numerator&by=sex&key=FEMALE")) {
      measure(page, failures);
    }
    logOut();
    // the auditor's pages: the list with its search filters, a case's access log, the report
    logIn("thanhtra", "/ho-so");
    for (String page : List.of("/ho-so", "/ho-so/" + caseId + "/nhat-ky-truy-cap", "/bao-cao")) {
      measure(page, failures);
    }
    logOut();
    logIn("cvtaichinh", "/quy");
    for (String page : List.of("/quy", "/quy/quyBttTpLangSon/so-cai", "/quy/quyBttTpLangSon/de-nghi",
        "/quy/quyBttTpLangSon/dieu-chinh")) {
      measure(page, failures);
    }
    logOut();
    // the administrator's reorganisations: the list, and the ready change set's preview (only previewed here)
    HttpHeaders yaml = new HttpHeaders();
    yaml.setContentType(MediaType.parseMediaType("application/yaml"));
    Object reorganisation = http.withBasicAuth("quantri", "demo123").exchange("/api/admin/reorganisations",
        HttpMethod.POST, new HttpEntity<>(new ClassPathResource("organisation/lang-son-city-2025-reform.yaml")
            .getContentAsString(StandardCharsets.UTF_8), yaml), OBJECT).getBody().get("id");
    logIn("quantri", "/quan-tri/to-chuc-lai");
    for (String page : List.of("/quan-tri/to-chuc-lai", "/quan-tri/to-chuc-lai/" + reorganisation)) {
      measure(page, failures);
    }
    logOut();
    measure("/dang-nhap", failures);

    assertThat(failures).as("pages wider than a 390 px phone").isEmpty();
  }

  private void measure(String path, List<String> failures) throws Exception {
    browser.get("http://localhost:" + port + path);
    new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
        .until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    Map<?, ?> sizes = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
        "var footer = document.querySelector('footer');"
            + "return {viewport: window.innerWidth, page: document.documentElement.scrollWidth,"
            + " footerRight: footer ? footer.getBoundingClientRect().right : 0};");
    long viewport = ((Number) sizes.get("viewport")).longValue();
    long page = ((Number) sizes.get("page")).longValue();
    double footerRight = ((Number) sizes.get("footerRight")).doubleValue();
    if (page > viewport || footerRight > viewport + 0.5) {
      failures.add(path + ": page " + page + " px, footer to " + footerRight + " px, screen " + viewport + " px");
    }
    Chromium.screenshot(browser, "phone" + path.replace('/', '-') + ".png");
  }

  private void logIn(String user, String then) {
    browser.get("http://localhost:" + port + then);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.urlContains("/dang-nhap"));
    browser.findElement(By.name("username")).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys("demo123");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/dang-nhap")));
  }

  private void logOut() {
    browser.manage().deleteAllCookies();
  }
}
