package vn.nangbuoc.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.NangBuocApplication;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * An administrator applies the ready change set on the page, on a 2024 city of its own (the shared context
 * stays the city) with a web server: uploads the file, reads the preview in Vietnamese with nothing blocking,
 * is refused without the confirmation, applies it, follows its progress by reloading, and reads "Đã áp dụng"
 * with the recorded result; the running case has moved to its new ward; pressing Apply again changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReorganisationPageApplyTest {

  private ConfigurableApplicationContext city;
  private PageBrowser pages;

  @BeforeAll
  void startTheCity() {
    city = new SpringApplicationBuilder(NangBuocApplication.class)
        .profiles("test")
        .web(WebApplicationType.SERVLET)
        .run("--spring.datasource.url=jdbc:h2:mem:nangbuoc-reorganisation-page;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "--camunda.bpm.process-engine-name=reorganisationpage",
            "--nangbuoc.organisation.file=classpath:organisation/lang-son-city.yaml",
            "--nangbuoc.demo.users-file=classpath:demo/lang-son-city-users.yaml",
            "--nangbuoc.reorganisation.batch-size=1",
            "--nangbuoc.mail.local-server.enabled=false");
    int port = ((WebServerApplicationContext) city).getWebServer().getPort();
    pages = new PageBrowser(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
  }

  @AfterAll
  void stopTheCity() {
    if (city != null) {
      city.close();
    }
  }

  @Test
  void shouldPreviewApplyAndRecordTheReadyChangeSetOnThePage() throws Exception {
    // given: children of two communes that merge, one waiting for review
    PathwayDriver driver = new PathwayDriver(city.getBean(ProcessEngine.class), city.getBean(ListingService.class));
    ProcessInstance waiting = driver.list("cbmaipha", PathwayDriver.child("MAIPHA", LocalDate.now().minusYears(5),
        ConditionGroup.CLEFT_LIP_PALATE));
    driver.list("cbdongkinh", PathwayDriver.child("DONGKINH", LocalDate.now().minusYears(3),
        ConditionGroup.MOTOR));
    String session = pages.login("quantri");

    // when: the ready change set is uploaded as a file
    ResponseEntity<String> uploaded = pages.upload(session, "/quan-tri/to-chuc-lai",
        PageBrowser.csrfToken(pages.get(session, "/quan-tri/to-chuc-lai").getBody()), "tep",
        "lang-son-city-2025-reform.yaml", readyChangeSet());

    // then: its preview, in tables, in Vietnamese, nothing blocking
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    String detail = uploaded.getHeaders().getLocation().getPath();
    String preview = pages.get(session, detail).getBody();
    assertThat(preview).contains("Đã xem trước", "01/07/2025",
        "Bản xem trước không thấy vấn đề nào chặn việc áp dụng.", "<td>Xã Mai Pha</td>", "<td>Phường Kỳ Lừa</td>",
        "Chấm dứt", "Bắt đầu", "quyBttTpLangSon", "quyBttTinhLangSon", "ldtbxhTpLangSon", "Thu hồi (quyền)",
        "đồng", ">Áp dụng</button>")
        .doesNotContain("Vấn đề chặn việc áp dụng", "2025-07-01", "{\"");
    assertThat(city.getBean(CaseFileService.class).getByProcessInstance(waiting.getId()).communeCode())
        .isEqualTo("MAIPHA");

    // when: Apply without the confirmation, then with it
    ResponseEntity<String> unconfirmed = pages.post(session, detail + "/ap-dung", formOf(preview));
    assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unconfirmed.getBody()).contains("Hãy đánh dấu ô xác nhận");
    assertThat(pages.get(session, detail).getBody()).contains("Đã xem trước");
    MultiValueMap<String, String> confirmed = formOf(preview);
    confirmed.add("xac-nhan", "co");
    ResponseEntity<String> started = pages.post(session, detail + "/ap-dung", confirmed);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.FOUND);

    // then: the page shows its progress until it is applied, and the result recorded
    List<String> seen = new ArrayList<>();
    String done = reloadUntilApplied(session, detail, seen);
    assertThat(seen).allSatisfy(page -> assertThat(page).contains("Hồ sơ đã chuyển"));
    assertThat(done).contains("Đã áp dụng", "Kết quả đã ghi lại", "hồ sơ đã chuyển sang cơ cấu mới",
        "công việc đang mở đã giao lại", "vhxhPKyLua", "Đã thu hồi mọi quyền của các nhóm", "quantri, bắt đầu")
        .doesNotContain(">Áp dụng</button>", "Tạm dừng</button>");
    assertThat(city.getBean(CaseFileService.class).getByProcessInstance(waiting.getId()).communeCode())
        .isEqualTo("PKYLUA");
    assertThat(pages.get(session, "/quan-tri/to-chuc-lai").getBody()).contains("Đã áp dụng");

    // and: Apply once more changes nothing and says so
    ResponseEntity<String> again = pages.post(session, detail + "/ap-dung", confirmed);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    String after = pages.get(session, detail).getBody();
    assertThat(after).contains("đã được áp dụng: không có gì thay đổi thêm", "Đã áp dụng");
  }

  /** Reloads as the page asks (its Refresh header) while the apply runs; the pages seen on the way in order. */
  private String reloadUntilApplied(String session, String detail, List<String> seen) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      ResponseEntity<String> page = pages.get(session, detail);
      seen.add(page.getBody());
      boolean running = page.getHeaders().containsKey("Refresh");
      if (!running && page.getBody().contains("Đã áp dụng")) {
        return page.getBody();
      }
      if (running) {
        assertThat(page.getBody()).contains("Đang áp dụng", "Tải lại ngay");
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not applied within 3 minutes: " + seen.get(seen.size() - 1));
  }

  private static MultiValueMap<String, String> formOf(String page) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(page));
    return form;
  }

  private static byte[] readyChangeSet() throws IOException {
    return new ClassPathResource(CityReformScenario.CHANGE_SET).getContentAsByteArray();
  }
}
