package vn.nangbuoc.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;

/** Which groups an erased case's tasks were routed to goes with the engine's record of those tasks. */
@Component
class RoutedGroupsEraser implements CaseDataEraser {

  private final JdbcClient jdbc;

  RoutedGroupsEraser(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(CaseFile file) {
    if (file.processInstanceId() != null) {
      jdbc.sql("delete from task_routed_group where process_instance_id = ?").param(file.processInstanceId())
          .update();
    }
  }
}
