package vn.nangbuoc.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nangbuoc.pathway.PathwayDriver.vars;

import java.io.IOException;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * A commune caseworker with a Vietnamese browser opens Tasklist and a task with its form, in Debian's
 * Chromium: nothing of Tasklist's own frame (header, menus, buttons, filters) is English. The page
 * is saved as target/screenshots/tasklist-vi.png.
 */
@NangBuocPostgresTest
class TasklistInVietnameseBrowserIT {

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
  void shouldShowACaseworkerTasklistAndATaskFormWithoutEnglish() throws IOException {
    // given: a listing returned to the Mai Pha caseworker
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    driver.complete("cvldtbxh", pathway, ChildPathway.TASK_REVIEW_LISTING,
        vars(ChildPathway.VAR_LISTING_DECISION, "RETURN", "record_reviewNote", "Thiếu ngày sinh chính xác"));

    // when: she logs in with a Vietnamese browser and opens the task
    browser = vietnameseChromium();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // (Tasklist sends her to the product's one login, and back to Tasklist after it)
    WebappWords.login(browser, port, "tasklist", "cbmaipha");
    // the list Tasklist opens is "Việc cần làm", and the task's name says which child it is about
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(
        "Bổ sung thông tin danh sách · " + pathway.getBusinessKey() + " · N.V.A. · Xã Mai Pha"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "Lý do trả lại"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "TPLANGSON-"));
    screenshot("tasklist-vi.png");

    // then
    // innerText of the live page counts only what is shown; the form's own content is the product's
    String frame = WebappWords.visibleText(browser, ".fjs-container");
    assertThat(frame).contains("Việc cần làm", "Việc của nhóm tôi", "Quá hạn", "Hoàn thành");
    assertThat(WebappWords.englishWordsIn("tasklist", frame))
        .as("English words in Tasklist's own frame:\n" + frame).isEmpty();
    assertThat(browser.getCurrentUrl()).contains("dueDate");
    assertThat(browser.findElement(By.cssSelector(".ce-eol-banner")).isDisplayed()).isFalse();
    // the form's own checks speak Vietnamese too
    WebElement name = browser.findElement(By.cssSelector("input[id$='Field_FullName']"));
    name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".fjs-form-field-error"), "Bắt buộc nhập."));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).doesNotContain("Field is required");
    // one field's checks in turn (required, then its pattern, then required again): each time exactly the one
    // message that applies, in Vietnamese, nothing left over or glued to it
    WebElement birth = browser.findElement(By.cssSelector("input[id$='Field_DateOfBirth']"));
    By birthError = By.cssSelector("[id$='Field_DateOfBirth'] ~ .fjs-form-field-error, "
        + ".fjs-form-field:has(input[id$='Field_DateOfBirth']) .fjs-form-field-error");
    birth.sendKeys(Keys.chord(Keys.CONTROL, "a"), "12", Keys.TAB);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(birthError, "Không đúng định dạng"));
    assertThat(browser.findElement(birthError).getText().strip())
        .isEqualTo("Không đúng định dạng, xem hướng dẫn dưới ô nhập.");
    birth.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(birthError, "Bắt buộc nhập."));
    assertThat(browser.findElement(birthError).getText().strip()).isEqualTo("Bắt buộc nhập.");
    screenshot("tasklist-vi-form-check.png");
    assertThat(jdbc.queryForObject("select count(*) from case_access_log where user_id = 'cbmaipha'"
        + " and channel = 'TASK_FORM'", Long.class)).as("the form's read is in the access log").isPositive();
    // Tasklist's logout (in its header's account menu) ends the one session and leads to the product's login
    ((JavascriptExecutor) browser).executeScript("document.querySelector('[ng-click=\"logout()\"]').click();");
    wait.until(ExpectedConditions.urlContains("/dang-nhap"));
    browser.get("http://localhost:" + port + "/ho-so");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
    assertThat(browser.getCurrentUrl()).contains("/dang-nhap");
  }

  private WebDriver vietnameseChromium() throws IOException {
    return Chromium.vietnamese();
  }

  private void screenshot(String name) throws IOException {
    Chromium.screenshot(browser, name);
  }
}
