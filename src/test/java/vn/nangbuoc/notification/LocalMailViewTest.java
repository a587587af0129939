package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;

/** The demo's mail view shows each user the mails addressed to them, and no one else's. */
@NangBuocSpringTest
class LocalMailViewTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  GreenMail localSmtp;

  @Test
  void shouldShowEachUserOnlyTheirOwnMails() {
    String toMaiPha = "Mai Pha " + UUID.randomUUID();
    String toHoangDong = "Hoang Dong " + UUID.randomUUID();
    GreenMailUtil.sendTextEmail("cbmaipha@demo.nangbuoc.vn", "nang-buoc@localhost", toMaiPha, "nội dung",
        localSmtp.getSmtp().getServerSetup());
    GreenMailUtil.sendTextEmail("cbhoangdong@demo.nangbuoc.vn", "nang-buoc@localhost", toHoangDong, "nội dung",
        localSmtp.getSmtp().getServerSetup());

    String maiPha = caught("cbmaipha");
    String hoangDong = caught("cbhoangdong");
    String administrator = caught("quantri");

    assertThat(maiPha).contains(toMaiPha).doesNotContain(toHoangDong, "cbhoangdong@");
    assertThat(hoangDong).contains(toHoangDong).doesNotContain(toMaiPha, "cbmaipha@");
    assertThat(administrator).doesNotContain(toMaiPha, toHoangDong);
  }

  /** The mail view is a page behind the one login, as a person opens it in the browser. */
  private String caught(String user) {
    PageBrowser browser = new PageBrowser(http);
    ResponseEntity<String> page = browser.get(browser.login(user), "/thu");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return page.getBody();
  }
}
