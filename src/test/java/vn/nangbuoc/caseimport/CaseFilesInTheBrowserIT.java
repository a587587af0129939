package vn.nangbuoc.caseimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.nangbuoc.Chromium;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.casefile.NameFolding;

/**
 * A commune caseworker in Debian's Chromium: logs in, imports a list, finds a child by her name
 * typed without diacritics, opens her page and reads its history. Screenshots in target/screenshots.
 */
@NangBuocPostgresTest
class CaseFilesInTheBrowserIT {

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
  void shouldImportAListFindAChildAndReadHerHistory() throws Exception {
    Map<ImportColumn, String> child = ListFiles.child(true);
    String name = child.get(ImportColumn.FULL_NAME);
    ListFiles list = new ListFiles().add(child).add(ListFiles.child(false))
        .add(child, ImportColumn.DATE_OF_BIRTH, "31/02/2020");
    Path file = Files.createTempFile("danh-sach-", ".csv");
    Files.write(file, list.csv());
    browser = Chromium.vietnamese();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // a page read while the next one loads fails with Chromium's "node does not belong to the
    // document" (not a stale-element error): read again until the wait runs out
    wait.ignoring(WebDriverException.class);

    browser.get("http://localhost:" + port + "/ho-so/nhap");
    wait.until(ExpectedConditions.urlContains("/dang-nhap"));
    browser.findElement(By.name("username")).sendKeys("cbmaipha");
    browser.findElement(By.name("password")).sendKeys("demo123");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("/ho-so/nhap"));
    browser.findElement(By.name("tep")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.xpath("//button[text()='Xem trước']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Xác nhận tạo 2 hồ sơ"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(name, "Lỗi", "Ngày sinh");
    Chromium.screenshot(browser, "import-preview.png");
    browser.findElement(By.xpath("//button[starts-with(text(), 'Xác nhận tạo')]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Đã tạo 2 hồ sơ mới"));

    browser.get("http://localhost:" + port + "/ho-so");
    browser.findElement(By.name("q")).sendKeys(NameFolding.fold(name));
    browser.findElement(By.xpath("//button[text()='Tìm']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Tìm thấy 1 hồ sơ."));
    // searched by POST: the name typed stays out of the address bar (and of history and Referer)
    assertThat(browser.getCurrentUrl()).endsWith("/ho-so");
    browser.findElement(By.linkText(name)).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Lịch sử"));

    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page).contains(name, "Bước hiện tại: Rà soát", "Lập danh sách, mở hồ sơ", "Bắt đầu lộ trình",
        "Hộ nghèo", "Nông Thị Hạnh");
    Chromium.screenshot(browser, "case-page.png");
  }
}
