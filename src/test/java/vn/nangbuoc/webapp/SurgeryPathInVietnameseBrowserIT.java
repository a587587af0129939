package vn.nangbuoc.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import vn.nangbuoc.Chromium;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.input.ErrorAnswers;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * A child goes the whole surgery path, and at each step the person who does it opens the task in Tasklist with a
 * Vietnamese browser; the auditor then looks at the case in Cockpit. Everything visible on every one of these
 * screens, the task forms included, is collected, and no English word may be in it. Each screen is saved as
 * target/screenshots/surgery-path-*.png.
 */
@NangBuocPostgresTest
class SurgeryPathInVietnameseBrowserIT {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @LocalServerPort
  int port;

  WebDriver browser;
  WebDriverWait wait;
  /** Screen, then the English words seen on it: what the test fails on. */
  final Map<String, String> english = new LinkedHashMap<>();

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
  void shouldShowEveryScreenOfTheSurgeryPathInVietnamese() throws IOException {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    browser = Chromium.vietnamese();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    lookAtTask("cvldtbxh", driver, pathway, "review-listing");
    lookAtTheShortcuts();
    driver.review(pathway, "ACCEPT");
    String screening = lookAtTask("bsttyt", driver, pathway, "record-screening");
    assertThat(screening).as("an empty drop-down invites a choice in Vietnamese").contains("Chọn…");
    driver.screen(pathway, "SURGERY");
    lookAtTask("cvldtbxh", driver, pathway, "prepare-referral");
    shouldReadAnAmountWithGroupingDotsAsTheAmountMeant();
    driver.prepareReferral("cvldtbxh", pathway, 6_000_000, true);
    lookAtTask("tpldtbxh", driver, pathway, "approve-funding");
    shouldShowARefusalAtTheButtonPressed(() -> driver.approve("tpldtbxh", pathway, "APPROVED"));
    lookAtTask("cvtaichinh", driver, pathway, "record-disbursement");
    driver.disburse(pathway, 6_000_000);
    lookAtTask("cvldtbxh", driver, pathway, "record-surgery-result");
    driver.surgeryDone(pathway);
    lookAtTask("cvtaichinh", driver, pathway, "settle-costs");
    driver.settle(pathway, 5_800_000);
    driver.executeOnlyJob(pathway);
    lookAtTask("cbmaipha", driver, pathway, "follow-up-visit");
    driver.complete("cbmaipha", pathway, ChildPathway.TASK_FOLLOW_UP_VISIT, PathwayDriver.vars(
        "record_visitDate", java.time.LocalDate.now().toString(), "record_childState", "Trẻ khỏe",
        "record_moreServicesNeeded", "false"));
    driver.followUp(pathway);
    driver.followUp(pathway);
    lookAtTask("cvldtbxh", driver, pathway, "close-case");
    lookAtCockpit(pathway);

    assertThat(english).as("English words, by screen (each screen's whole text follows its words)").isEmpty();
  }

  private void lookAtTheShortcuts() throws IOException {
    browser.findElement(By.partialLinkText("Danh sách phím tắt")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    look("tasklist", "surgery-path-shortcuts");
    assertThat(browser.findElement(By.cssSelector(".modal-dialog")).getText()).contains("nhận việc đang chọn về mình");
  }

  /**
   * The approver takes the task and decides, but the decision was recorded meanwhile elsewhere: the server's
   * refusal is in Vietnamese, at the button she pressed, with no notification over the form.
   */
  private void shouldShowARefusalAtTheButtonPressed(Runnable decidedMeanwhile) throws IOException {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[normalize-space(.)='Phê duyệt']"))).click();
    decidedMeanwhile.run();
    WebElement complete = browser.findElement(By.cssSelector(".form-actions button[ng-click='complete()']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
    complete.click();
    By refusal = By.cssSelector(".form-actions .nb-refusal");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(refusal, ErrorAnswers.NOT_FOUND));
    assertThat(browser.findElement(refusal).getText()).doesNotContain("Cannot", "task");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .withMessage(() -> "a notification over the form: " + ((JavascriptExecutor) browser).executeScript(
            "return Array.from(document.querySelectorAll('.notifications')).map(n => n.outerHTML).join('\\n');"))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .alert-danger")));
    look("tasklist", "surgery-path-refusal");
  }

  /**
   * The estimated cost written as people here write it, 3.000.000.000, one character at a time as a phone keyboard
   * puts it in (no key codes, so the forms library cannot drop the dots): read as three billion, over the maximum.
   */
  private void shouldReadAnAmountWithGroupingDotsAsTheAmountMeant() {
    WebElement cost = browser.findElement(By.cssSelector("input[id$='Field_EstimatedCost']"));
    ((JavascriptExecutor) browser).executeScript("var input = arguments[0]; input.value = '';"
        + "'3.000.000.000'.split('').forEach(function (c) {"
        + "  input.value = input.value + c; input.dispatchEvent(new Event('input', {bubbles: true})); });", cost);
    cost.sendKeys(Keys.TAB);
    By error = By.cssSelector(".fjs-form-field:has(input[id$='Field_EstimatedCost']) .fjs-form-field-error");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(error, "Giá trị lớn nhất"));
    assertThat(browser.findElement(error).getText().strip()).isEqualTo("Giá trị lớn nhất là 2.000.000.000.");
    assertThat(cost.getAttribute("value")).isEqualTo("3000000000");
  }

  /** The user logs in to Tasklist and opens the pathway's task with its form. */
  private String lookAtTask(String user, PathwayDriver driver, ProcessInstance pathway, String screen)
      throws IOException {
    Task task = driver.task(pathway);
    WebappWords.login(browser, port, "tasklist", user);
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    return look("tasklist", "surgery-path-" + screen);
  }

  /**
   * The auditor opens Cockpit's dashboard, its processes, tasks and decisions, the pathway's process and the
   * child's instance; the administrator the instance.
   */
  private void lookAtCockpit(ProcessInstance pathway) throws IOException {
    WebappWords.login(browser, port, "cockpit", "thanhtra");
    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/#/";
    browser.get(cockpit + "dashboard");
    look("cockpit", "surgery-path-cockpit-dashboard");
    browser.get(cockpit + "processes");
    look("cockpit", "surgery-path-cockpit-processes");
    browser.get(cockpit + "tasks");
    look("cockpit", "surgery-path-cockpit-tasks");
    browser.get(cockpit + "decisions");
    look("cockpit", "surgery-path-cockpit-decisions");
    browser.get(cockpit + "process-definition/" + pathway.getProcessDefinitionId() + "/runtime");
    look("cockpit", "surgery-path-cockpit-process");
    browser.get(cockpit + "process-instance/" + pathway.getId() + "/runtime");
    look("cockpit", "surgery-path-cockpit-instance");
    // the administrator sees more of it: the variables table with its actions column
    WebappWords.login(browser, port, "cockpit", "quantri");
    browser.get(cockpit + "process-instance/" + pathway.getId() + "/runtime");
    look("cockpit", "surgery-path-cockpit-instance-admin");
  }

  /**
   * Waits until the page stops changing, saves it and notes its English words. The rows of Cockpit's variables
   * table are the engine's data (names, types, values as stored), not words of the page.
   */
  private String look(String app, String screen) throws IOException {
    String text = settledText("tr[ng-class='rowClasses(info, v)']");
    Chromium.screenshot(browser, screen + ".png");
    Set<String> words = WebappWords.englishWordsIn(app, text);
    if (!words.isEmpty()) {
      english.put(screen, words + "\n" + text);
    }
    return text;
  }

  private String settledText(String hide) {
    String[] last = {""};
    new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(1500)).until(page -> {
      String now = WebappWords.visibleText(browser, hide);
      boolean settled = now.equals(last[0]) && !now.isBlank();
      last[0] = now;
      return settled;
    });
    return last[0];
  }
}
