package vn.nangbuoc.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;

/** Reads of an erased case go with it; the erasure itself is recorded (who, when, why). */
@Component
class AccessLogEraser implements CaseDataEraser {

  private final JdbcClient jdbc;

  AccessLogEraser(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(CaseFile file) {
    jdbc.sql("delete from case_access_log where case_id = ?").param(file.id()).update();
  }
}
