package vn.nangbuoc.routing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;

/** The record of a case's overdue tasks goes with the case. */
@Component
class EscalationEraser implements CaseDataEraser {

  private final JdbcClient jdbc;

  EscalationEraser(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(CaseFile file) {
    jdbc.sql("delete from task_escalation where case_id = ?").param(file.id()).update();
  }
}
