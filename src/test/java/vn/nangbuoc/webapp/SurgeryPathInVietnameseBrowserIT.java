package vn.nangbuoc.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.Chromium;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * A child goes the whole surgery path in the web pages only, as README's walk has it: the Mai Pha caseworker lists
 * her in Tasklist's start form, and at each step the person who does it signs in once at /dang-nhap, opens the
 * task, claims it, fills its form and completes it; the office head prepares the referral himself, so the approval
 * goes to his deputy (the substitute the organisation data names), who approves; the follow-up visits fall due
 * from the case page's demo button; the auditor looks at the case in Cockpit before it closes. Everything visible
 * on every screen is collected, and no English word may be in it. Each step is saved at desktop and phone width as
 * target/screenshots/surgery-path-{number}-{step}-{1280|390}.png.
 */
@NangBuocPostgresTest
class SurgeryPathInVietnameseBrowserIT {

  static final int DESKTOP = 1280;
  static final int PHONE = 390;

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  JdbcTemplate jdbc;
  @LocalServerPort
  int port;

  WebDriver browser;
  WebDriverWait wait;
  TaskForms forms;
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
  void shouldTakeAChildThroughTheWholeSurgeryPathInVietnameseWithTheOfficeHeadPreparingTheReferral()
      throws IOException {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    browser = Chromium.vietnamese();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    forms = new TaskForms(browser, wait);
    String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    ProcessInstance pathway = listInTasklist("Lục Thị Mai " + letters());

    openTask("cvldtbxh", driver, pathway);
    lookAtTheShortcuts();
    forms.claim();
    forms.radio("Field_ListingDecision", 0);
    completeStep(2, "review-listing", driver, pathway);

    String screening = openTask("bsttyt", driver, pathway);
    assertThat(screening).as("an empty drop-down invites a choice in Vietnamese").contains("Chọn…");
    forms.claim();
    forms.choose("Field_Indication", "Có chỉ định phẫu thuật");
    forms.type("Field_ScreeningDate", today);
    forms.choose("Field_ConditionGroup", "Sứt môi, hở hàm ếch");
    forms.type("Field_Finding", "Khe hở môi một bên, chỉ định phẫu thuật tạo hình");
    forms.type("Field_Doctor", "Đoàn bác sĩ Bệnh viện Nhi Trung ương");
    completeStep(3, "record-screening", driver, pathway);

    // the office head prepares the referral himself
    openTask("tpldtbxh", driver, pathway);
    forms.claim();
    forms.type("Field_Hospital", "Bệnh viện Đa khoa tỉnh Lạng Sơn");
    forms.type("Field_Procedure", "Phẫu thuật tạo hình khe hở môi");
    shouldReadAnAmountWithGroupingDotsAsTheAmountMeant();
    typeAsAPhoneKeyboard(forms.field("Field_EstimatedCost"), "6.000.000");
    forms.radio("Field_FamilyConsent", 0);
    completeStep(4, "prepare-referral", driver, pathway);

    // so the approval is not his (he is the only member of the heads' group): his deputy's, from the data
    Task approval = driver.task(pathway);
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("ldtbxhTpLangSonDeputy");
    openTaskFromAMailsLink("pptldtbxh", approval);
    forms.claim();
    forms.radio("Field_FundingDecision", 0);
    completeStep(5, "approve-funding", driver, pathway);

    openTask("cvtaichinh", driver, pathway);
    forms.claim();
    forms.type("Field_AmountPaid", "7000000");
    forms.type("Field_PaidOn", today);
    forms.radio("Field_Payee", 0);
    forms.type("Field_VoucherNumber", "PC-0012");
    shouldShowARefusalAtTheButtonPressed();
    forms.field("Field_AmountPaid").sendKeys(Keys.chord(Keys.CONTROL, "a"), "6000000");
    completeStep(6, "record-disbursement", driver, pathway);

    openTask("cvldtbxh", driver, pathway);
    shouldBeBackAtTheTaskAfterSigningInAgain("cvldtbxh", driver.task(pathway));
    forms.claim();
    forms.radio("Field_SurgeryStatus", 0);
    forms.type("Field_SurgeryDate", today);
    forms.type("Field_SurgeryOutcome", "Phẫu thuật thành công");
    completeStep(7, "record-surgery-result", driver, pathway);

    openTask("cvtaichinh", driver, pathway);
    forms.claim();
    forms.type("Field_ActualCost", "5800000");
    forms.type("Field_InvoiceNumber", "HĐ-2026-0042");
    completeStep(8, "settle-costs", driver, pathway);

    // the visits 1, 3 and 6 months later: the caseworker runs each one's timer from the case page (demo only)
    for (int visit = 1; visit <= 3; visit++) {
      int step = 7 + 2 * visit;
      openFromTheCasePageAfterItsTimer("cbmaipha", pathway, step, "follow-up-timer-" + visit);
      forms.claim();
      forms.type("Field_VisitDate", today);
      forms.type("Field_ChildState", "Trẻ ăn uống tốt, vết mổ lành");
      forms.radio("Field_MoreServicesNeeded", 1);
      completeStep(step + 1, "follow-up-visit-" + visit, driver, pathway);
    }

    lookAtCockpit(pathway);
    openTask("cvldtbxh", driver, pathway);
    forms.claim();
    forms.choose("Field_ClosureOutcome", "Đã phẫu thuật và theo dõi sau phẫu thuật");
    completeStep(15, "close-case", driver, pathway);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pathway.getId()).count())
        .as("the pathway ended").isZero();

    assertThat(english).as("English words, by screen (each screen's whole text follows its words)").isEmpty();
  }

  /**
   * Step 1: the caseworker lists the child in Tasklist's start form; the page says the case number she created.
   */
  private ProcessInstance listInTasklist(String fullName) throws IOException {
    WebappWords.login(browser, port, "tasklist", "cbmaipha");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[@ng-click='open()'][.//span[contains(@class,"
        + "'glyphicon-list-alt')]]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[contains(@class,'processes')]//a[contains(.,"
        + "'Hỗ trợ trẻ em khuyết tật')]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id$='Field_FullName']")))
        .sendKeys(fullName);
    forms.field("Field_DateOfBirth").sendKeys(LocalDate.now().minusYears(5)
        .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    forms.radio("Field_Sex", 1);
    forms.field("Field_Address").sendKeys("Thôn Pò Mỏ");
    forms.choose("Field_ConditionGroup", "Sứt môi, hở hàm ếch");
    forms.field("Field_CaregiverName").sendKeys("Lục Thị Hằng");
    forms.choose("Field_CaregiverRelation", "Mẹ");
    browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
    WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#nangbuoc-listing-notice.nangbuoc-notice-ok")));
    Map<String, Object> file = jdbc.queryForMap(
        "select case_number, process_instance_id from case_file where full_name = ?", fullName);
    assertThat(listed.getText()).contains("Đã lập hồ sơ " + file.get("case_number"));
    lookAtBothWidths("tasklist", 1, "listing");
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId((String) file.get("process_instance_id")).singleResult();
  }

  /** The user signs in once and opens the pathway's task with its form, as the link in her mail does. */
  private String openTask(String user, PathwayDriver driver, ProcessInstance pathway) throws IOException {
    Task task = driver.task(pathway);
    WebappWords.login(browser, port, "tasklist", user);
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    return settledText(null);
  }

  /**
   * The link of the mail that told her of the task, opened with no session: the one login, and then the task's
   * form in Tasklist (the part of Tasklist's address after # never reaches the server, so the link is the
   * product's, which leads on to it).
   */
  private void openTaskFromAMailsLink(String user, Task task) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/trang/viec/" + task.getId());
    WebappWords.signInHere(browser, user);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/default/#/?task=" + task.getId());
    settledText(null);
  }

  /**
   * Her session ends while the task is open (it timed out): the next thing she presses sends her to the one login,
   * and after it she is back at the task, not on the home page.
   */
  private void shouldBeBackAtTheTaskAfterSigningInAgain(String user, Task task) {
    browser.manage().deleteAllCookies();
    browser.findElement(By.cssSelector("[ng-click='claim()']")).click();
    wait.until(ExpectedConditions.urlContains("/dang-nhap?continue="));
    WebappWords.signInHere(browser, user);
    wait.until(ExpectedConditions.urlContains("#/?task=" + task.getId()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/default/");
  }

  /**
   * The caseworker opens the child's case page, runs the timer the pathway waits for ("Chạy hẹn giờ ngay", demo
   * only), and opens the task that fell due from the page's list of open tasks.
   */
  private void openFromTheCasePageAfterItsTimer(String user, ProcessInstance pathway, int step, String name)
      throws IOException {
    Long caseId = jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class,
        pathway.getId());
    WebappWords.login(browser, port, "tasklist", user);
    browser.get("http://localhost:" + port + "/ho-so/" + caseId);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()="
        + "'Chạy hẹn giờ ngay (chỉ bản demo)']"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"),
        "Đã chạy ngay 1 hẹn giờ"));
    lookAtBothWidths("tasklist", step, name);
    browser.findElement(By.partialLinkText("Thăm, theo dõi trẻ")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
  }

  /** The form as filled, at both widths; then "Hoàn thành", and the task is done in the engine. */
  private void completeStep(int step, String name, PathwayDriver driver, ProcessInstance pathway)
      throws IOException {
    String taskId = driver.task(pathway).getId();
    lookAtBothWidths("tasklist", step, name);
    forms.complete();
    new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(() -> "step " + step + " " + name + " done")
        .until(page -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
  }

  private void lookAtTheShortcuts() throws IOException {
    browser.findElement(By.partialLinkText("Danh sách phím tắt")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    look("tasklist", "surgery-path-02-shortcuts-" + DESKTOP);
    assertThat(browser.findElement(By.cssSelector(".modal-dialog")).getText()).contains("nhận việc đang chọn về mình");
    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
  }

  /**
   * The finance officer types more than the approval holds: the server's refusal is in Vietnamese, at the button
   * she pressed, with no notification over the form, and the task is still hers to correct.
   */
  private void shouldShowARefusalAtTheButtonPressed() throws IOException {
    forms.complete();
    By refusal = By.cssSelector(".form-actions .nb-refusal");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(refusal, "không vượt số còn giữ cho đề nghị này"));
    assertThat(browser.findElement(refusal).getText()).doesNotContain("Cannot", "task");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .withMessage(() -> "a notification over the form: " + ((JavascriptExecutor) browser).executeScript(
            "return Array.from(document.querySelectorAll('.notifications')).map(n => n.outerHTML).join('\\n');"))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .alert-danger")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        browser.findElement(refusal));
    look("tasklist", "surgery-path-06-refusal-" + DESKTOP);
  }

  /**
   * The estimated cost written as people here write it, 3.000.000.000, as a phone keyboard puts it in: read as
   * three billion, over the maximum.
   */
  private void shouldReadAnAmountWithGroupingDotsAsTheAmountMeant() {
    WebElement cost = forms.field("Field_EstimatedCost");
    typeAsAPhoneKeyboard(cost, "3.000.000.000");
    By error = By.cssSelector(".fjs-form-field:has(input[id$='Field_EstimatedCost']) .fjs-form-field-error");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(error, "Giá trị lớn nhất"));
    assertThat(browser.findElement(error).getText().strip()).isEqualTo("Giá trị lớn nhất là 2.000.000.000.");
    assertThat(cost.getAttribute("value")).isEqualTo("3000000000");
  }

  /** One character at a time with no key codes, as a phone keyboard does (so the forms library keeps the dots). */
  private void typeAsAPhoneKeyboard(WebElement input, String text) {
    ((JavascriptExecutor) browser).executeScript("var input = arguments[0]; input.value = '';"
        + "arguments[1].split('').forEach(function (c) {"
        + "  input.value = input.value + c; input.dispatchEvent(new Event('input', {bubbles: true})); });",
        input, text);
    input.sendKeys(Keys.TAB);
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
    shouldOfferTheAuditorNoHumanTaskPages(cockpit);
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
    assertThat(linksToTheTaskPages()).as("the administrator may read every task").isPositive();
    browser.get(cockpit + "tasks");
    look("cockpit", "surgery-path-cockpit-tasks-admin");
    assertThat(browser.getCurrentUrl()).contains("#/tasks");
  }

  /** Cockpit's menu entry and the dashboard's count as links a person sees and may press. */
  private long linksToTheTaskPages() {
    return (Long) ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
        + "'a[href=\"#/tasks\"]')).filter(function (link) { return link.offsetParent !== null"
        + " && getComputedStyle(link).pointerEvents !== 'none'; }).length;");
  }

  /**
   * Cockpit's human-task pages count the tasks of every group, which the engine answers only to someone who may
   * read every task: the auditor is offered no link to them, and their address leads him to the dashboard.
   */
  private void shouldOfferTheAuditorNoHumanTaskPages(String cockpit) throws IOException {
    // the address typed or pasted: Cockpit opens anew on it
    browser.get("about:blank");
    browser.get(cockpit + "tasks");
    wait.until(ExpectedConditions.urlContains("#/dashboard"));
    look("cockpit", "surgery-path-cockpit-tasks");
    assertThat(linksToTheTaskPages()).as("links to the human-task pages the auditor is offered").isZero();
    assertThat(WebappWords.visibleText(browser, null)).doesNotContain("quyền");
  }

  /**
   * The screen of a step at desktop and at phone width, each saved and its English words noted; back at desktop
   * width afterwards.
   */
  private void lookAtBothWidths(String app, int step, String name) throws IOException {
    String screen = String.format("surgery-path-%02d-%s-", step, name);
    for (int width : new int[] {PHONE, DESKTOP}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      look(app, screen + width);
    }
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

  private static String letters() {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
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
