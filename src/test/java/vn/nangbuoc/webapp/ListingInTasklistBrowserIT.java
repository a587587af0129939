package vn.nangbuoc.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.Chromium;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Issue 20, item 6, in Tasklist itself: a caseworker lists a child from the start form. A birth date the server
 * refuses is refused beside the start button (no notification over the form). A child listed before
 * without diacritics is a warning with a link to that case and no case file; ticking "Vẫn lập hồ sơ mới" lists
 * the child, and the page says "Đã lập hồ sơ <số>" with a link that opens the new case. Screenshots in
 * target/screenshots/listing-*.png.
 */
@NangBuocPostgresTest
class ListingInTasklistBrowserIT {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  JdbcTemplate jdbc;
  @LocalServerPort
  int port;

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
  void shouldWarnOfALikelyDuplicateAndThenShowTheNewCaseNumberWithALink() throws IOException {
    String given = "Đức" + letters();
    CaseFile existing = new PathwayDriver(engine, listing).as("cbmaipha", () -> listing.list(new ChildListing(
        "Nong Van Binh " + given, LocalDate.of(2019, 9, 2), Sex.MALE, "Tày", null, "Thôn Pò Mỏ", "MAIPHA",
        ConditionGroup.MOTOR, "Nông Thị Hằng", CaregiverRelation.MOTHER, null), "cbmaipha"));
    long cases = cases();

    browser = Chromium.vietnamese();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    TaskForms forms = new TaskForms(browser, wait);
    WebappWords.login(browser, port, "tasklist", "cbmaipha");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[@ng-click='open()'][.//span[contains(@class,"
        + "'glyphicon-list-alt')]]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[contains(@class,'processes')]//a[contains(.,"
        + "'Hỗ trợ trẻ em khuyết tật')]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$='Field_FullName']")))
        .sendKeys("Nông Văn Bình " + given);
    forms.field("Field_DateOfBirth").sendKeys("02/09/" + (LocalDate.now().getYear() + 1));
    browser.findElement(By.cssSelector("input[id$='Field_Sex-0']")).click();
    forms.field("Field_Address").sendKeys("Thôn Khòn Khuyến");
    forms.choose("Field_ConditionGroup", "Khuyết tật vận động (biến dạng chân tay, vẹo cổ, vẹo/gù cột sống…)");
    forms.field("Field_CaregiverName").sendKeys("Nông Thị Hằng");
    forms.choose("Field_CaregiverRelation", "Mẹ");
    WebElement start = browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']"));
    start.click();

    // a birth date next year passes the form's own check, not the server's: refused beside the start button
    By refusal = By.cssSelector(".modal-footer .nb-refusal");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(refusal,
        "Không khởi tạo được quy trình: Ngày sinh không được sau ngày hôm nay."));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .alert-danger")));
    Chromium.screenshot(browser, "listing-refused-at-the-button.png");
    assertThat(cases()).isEqualTo(cases);
    WebElement birth = forms.field("Field_DateOfBirth");
    birth.sendKeys(Keys.chord(Keys.CONTROL, "a"), "02/09/2019");
    start.click();

    // a warning that names the case listed before and opens it, and no case file
    WebElement warning = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#nangbuoc-listing-notice.nangbuoc-notice-warning")));
    assertThat(warning.getText()).contains("Có thể trẻ đã có hồ sơ " + existing.caseNumber(), "Vẫn lập hồ sơ mới");
    assertThat(warning.findElement(By.partialLinkText("Mở hồ sơ " + existing.caseNumber())).getAttribute("href"))
        .endsWith("/ho-so/so/" + existing.caseNumber());
    Chromium.screenshot(browser, "listing-likely-duplicate.png");
    assertThat(cases()).isEqualTo(cases);

    // confirmed as a different child: listed, and the number is on the page with a link to the case
    browser.findElement(By.cssSelector("input[id$='Field_NewChildConfirmed']")).click();
    wait.until(ExpectedConditions.elementToBeClickable(start)).click();
    WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#nangbuoc-listing-notice.nangbuoc-notice-ok")));
    String number = jdbc.queryForObject("select case_number from case_file where full_name = ?", String.class,
        "Nông Văn Bình " + given);
    assertThat(listed.getText()).contains("Đã lập hồ sơ " + number);
    Chromium.screenshot(browser, "listing-case-number.png");
    String link = listed.findElement(By.linkText("Mở hồ sơ")).getAttribute("href");
    assertThat(link).endsWith("/ho-so/so/" + number);
    // one login: the link opens the case at once
    browser.get(link);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), number));
    assertThat(browser.getCurrentUrl()).matches(".*/ho-so/\\d+");
  }

  private long cases() {
    return jdbc.queryForObject("select count(*) from case_file", Long.class);
  }

  private static String letters() {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }
}
