package vn.nangbuoc.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;

/** Mails name a case by its number (and the child's initials): those of an erased case go, sent or not. */
@Component
class MailEraser implements CaseDataEraser {

  private final JdbcClient jdbc;

  MailEraser(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(CaseFile file) {
    String number = "%" + file.caseNumber() + "%";
    jdbc.sql("delete from mail_outbox where subject like ? or body_text like ?").params(number, number).update();
    jdbc.sql("delete from digest_item where case_number = ?").param(file.caseNumber()).update();
  }
}
