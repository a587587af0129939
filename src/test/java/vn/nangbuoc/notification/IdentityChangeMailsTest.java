package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.security.IdentityChanged;

/**
 * Issue 19: the head told of a change in their agency's groups is sent to the auditors by the name the
 * organisation data gives the kinds that audit (after the reform, the province's inspectorate), not one
 * written into the template.
 */
@NangBuocSpringTest
class IdentityChangeMailsTest {

  @Autowired
  IdentityChangeMails mails;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldSendTheHeadToTheAuditorsTheDataNames() {
    String name = jdbc.sql("select name from agency_kind where code = 'INSPECTORATE'").query(String.class).single();
    jdbc.sql("update agency_kind set name = 'Thanh tra tỉnh' where code = 'INSPECTORATE'").update();
    try {
      String user = "kiemtra" + ThreadLocalRandom.current().nextInt(1_000_000);
      Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      mails.changed(new IdentityChanged(at, "quantri", "MEMBERSHIP_ADDED", "ldtbxhTpLangSonHead", user, null,
          "ldtbxhTpLangSon", "Phòng Lao động – Thương binh và Xã hội thành phố Lạng Sơn"));

      String text = jdbc.sql("select body_text from mail_outbox where kind = ? and dedup_key like ?")
          .params(IdentityChangeMails.IDENTITY_CHANGED, "%:" + user + ":%").query(String.class).list().get(0);
      assertThat(text).contains("báo ngay cho Thanh tra tỉnh và người phụ trách hệ thống",
          "Thanh tra tỉnh xem toàn bộ nhật ký");
    } finally {
      jdbc.sql("update agency_kind set name = ? where code = 'INSPECTORATE'").param(name).update();
    }
  }
}
