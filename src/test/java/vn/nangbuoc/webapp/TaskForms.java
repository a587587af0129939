package vn.nangbuoc.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Fills a Camunda Form in Tasklist as a person does: by the field's id in the form file (form-js prefixes it
 * with the form's own id), by the option's label, a mouse press at a time.
 */
final class TaskForms {

  /** How long the forms library takes at most to take a typed value in (it waits 300 ms), on a loaded machine. */
  private static final Duration THE_LIBRARYS_MOMENT = Duration.ofMillis(1000);

  private final WebDriver browser;
  private final WebDriverWait wait;

  TaskForms(WebDriver browser, WebDriverWait wait) {
    this.browser = browser;
    this.wait = wait;
  }

  WebElement field(String id) {
    return browser.findElement(By.cssSelector("input[id$='" + id + "'], textarea[id$='" + id + "']"));
  }

  /**
   * Types into an empty field and leaves it. The forms library takes a typed value in a moment later, and a
   * value taken then from a field typed just before may render the form again without this one: so the value is
   * looked at once the moment has passed, and typed once more if it is gone.
   */
  void type(String id, String text) {
    for (int attempt = 1; ; attempt++) {
      WebElement field = inView(field(id));
      field.clear();
      field.sendKeys(text);
      // left without a Tab, which would open the next field's drop-down
      ((JavascriptExecutor) browser).executeScript("arguments[0].blur();", field);
      boolean kept = kept(id, text);
      if (kept || attempt == 3) {
        assertThat(field(id).getAttribute("value")).as(id).isEqualTo(text);
        return;
      }
    }
  }

  private boolean kept(String id, String text) {
    try {
      Thread.sleep(THE_LIBRARYS_MOMENT.toMillis());
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
    return text.equals(field(id).getAttribute("value"));
  }

  /** The option-th choice (from 0, in the form file's order) of a radio group. */
  void radio(String id, int option) {
    WebElement choice = inView(browser.findElement(By.cssSelector("input[id$='" + id + "-" + option + "']")));
    wait.until(ExpectedConditions.elementToBeClickable(choice)).click();
  }

  /**
   * A Camunda Forms select: its input is hidden, the shown value (id "…-display") opens the list on a mouse
   * press, and an item is chosen on a mouse press.
   */
  void choose(String id, String label) {
    inView(browser.findElement(By.cssSelector("[id$='" + id + "-display']"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')"
        + " and normalize-space()='" + label + "']"))).click();
  }

  /** Takes the open task ("Nhận việc"): its form is editable from then on. */
  void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[ng-click='claim()']")));
    wait.until(page -> (Boolean) ((JavascriptExecutor) browser).executeScript("return Array.from(document"
        + ".querySelectorAll('.fjs-container input, .fjs-container textarea')).some(function (field) {"
        + "  return field.offsetParent !== null && !field.disabled && !field.readOnly; });"));
  }

  /** Presses "Hoàn thành" under the form. */
  void complete() {
    WebElement complete = inView(browser.findElement(By.cssSelector(".form-actions button[ng-click='complete()']")));
    wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
  }

  /** In the middle of the screen, clear of Tasklist's header and footer. */
  private WebElement inView(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }
}
