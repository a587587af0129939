package vn.nangbuoc.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.nangbuoc.Chromium;

/**
 * What the browser tests of the Camunda webapps share: logging in, the text a person sees, and which of its
 * words are English. A word counts as English when the app's shipped en.json has it and the project's vi.json
 * does not (so product names and codes written the same in both do not count), or when it is one of the words
 * Camunda's code writes in English without a locale key.
 */
final class WebappWords {

  /** Words that read the same in both languages. */
  static final Set<String> SAME_IN_BOTH = Set.of("camunda", "platform", "bpmn", "email");
  /**
   * English written in code, in no locale file: the Camunda Forms library's (its checks, a drop-down's
   * placeholder), the variables table's "Actions", a caught error's "Error:".
   */
  static final Set<String> HARD_CODED_WORDS = Set.of("select", "results", "field", "required", "must", "value",
      "number", "minimum", "maximum", "pattern", "length", "valid", "search", "values", "selected", "actions",
      "error");

  private WebappWords() {
  }

  /**
   * Logs in at the app's own login form (tasklist, cockpit): the user's start page is open afterwards. On a
   * loaded machine the form is sometimes shown before the page's script took over its fields, and what was typed
   * is lost: then the page is loaded again and the login typed once more (the failed form saved for a look).
   */
  static void login(WebDriver browser, int port, String app, String user) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        tryLogin(browser, port, app, user);
        return;
      } catch (TimeoutException notLoggedIn) {
        Chromium.screenshot(browser, "login-" + app + "-" + user + "-" + attempt + ".png");
        if (attempt == 2) {
          throw notLoggedIn;
        }
      }
    }
  }

  private static void tryLogin(WebDriver browser, int port, String app, String user) {
    // the first page of an app is slow on a loaded machine: its scripts are compiled and cached then
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/");
    // the app sends the person to the product's one login, and back to the app after it
    signInHere(browser, user);
    wait.until(ExpectedConditions.urlContains("/camunda/app/" + app + "/"));
  }

  /** Signs in at the product's login page, which the browser shows now. */
  static void signInHere(WebDriver browser, String user) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=username]")));
    assertThat(browser.getCurrentUrl()).contains("/dang-nhap");
    name.clear();
    name.sendKeys(user);
    WebElement password = browser.findElement(By.cssSelector("input[name=password]"));
    password.clear();
    password.sendKeys("demo123");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type=submit]"))).click();
  }

  /** What the page shows a person (innerText counts only what is rendered), the elements of hide excepted. */
  static String visibleText(WebDriver browser, String hide) {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "var hidden = arguments[0] ? Array.from(document.querySelectorAll(arguments[0])) : [];"
            + "hidden.forEach(function (e) { e.dataset.nbDisplay = e.style.display; e.style.display = 'none'; });"
            + "var text = document.body.innerText;"
            + "hidden.forEach(function (e) { e.style.display = e.dataset.nbDisplay; });"
            + "return text;", hide);
  }

  /**
   * English words of the app's own texts (its en.json) and of the forms library that turn up in the text. The
   * models' process keys (Cockpit shows them beside the names) are codes, like case numbers, not words.
   */
  static Set<String> englishWordsIn(String app, String text) throws IOException {
    Set<String> english = words(locale(app, "en.json"));
    english.removeAll(words(locale(app, "vi.json")));
    english.addAll(HARD_CODED_WORDS);
    english.removeAll(SAME_IN_BOTH);
    String read = text;
    for (String key : processKeys()) {
      read = read.replace(key, " ");
    }
    Set<String> found = new TreeSet<>(words(read));
    found.retainAll(english);
    return found;
  }

  /** The id of every process in bpmn/, as deployed. */
  private static Set<String> processKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher id = Pattern.compile("<bpmn:process id=\"([^\"]+)\"").matcher(Files.readString(model));
        while (id.find()) {
          keys.add(id.group(1));
        }
      }
    }
    return keys;
  }

  private static String locale(String app, String file) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + file;
    try (InputStream in = WebappWords.class.getClassLoader().getResourceAsStream(path)) {
      JsonNode json = new ObjectMapper().readTree(in);
      StringBuilder all = new StringBuilder();
      collect(json, all);
      return all.toString();
    }
  }

  private static void collect(JsonNode node, StringBuilder all) {
    if (node.isTextual()) {
      // placeholders ({{error}}) and markup are no words a reader sees in either language
      all.append(' ').append(node.asText().replaceAll("\\{\\{[^}]*}}|<[^>]*>", " "));
    }
    node.forEach(child -> collect(child, all));
  }

  private static Set<String> words(String text) {
    Set<String> words = new TreeSet<>();
    Matcher word = Pattern.compile("(?<![\\p{L}])[A-Za-z]{4,}(?![\\p{L}])").matcher(text);
    while (word.find()) {
      words.add(word.group().toLowerCase());
    }
    return words;
  }
}
