package vn.nangbuoc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless and set to Vietnamese, for the browser tests (never a downloaded browser). */
public final class Chromium {

  static final File BINARY = new File("/usr/bin/chromium");
  static final File DRIVER = new File("/usr/bin/chromedriver");

  private Chromium() {
  }

  /** Skips the test where Chromium is missing; .ci/run installs it. */
  public static void require() {
    assumeTrue(BINARY.canExecute() && DRIVER.canExecute(),
        "Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does it)");
  }

  public static WebDriver vietnamese() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=vi",
        "--window-size=1400,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-vi"));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
    return new ChromeDriver(service, options);
  }

  /** Saves what the browser shows as target/screenshots/{name}, for a person to look at. */
  public static void screenshot(WebDriver browser, String name) throws IOException {
    Path target = Path.of("target", "screenshots", name);
    Files.createDirectories(target.getParent());
    Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
