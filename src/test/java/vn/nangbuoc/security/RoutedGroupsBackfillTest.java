package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import db.migration.V86__Fill_routed_groups;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * The tasks open at the upgrade (V86): each keeps working for the group of its candidates that serves its child's
 * commune, the rule that decided until then, and loses what its other links (another commune's office, the
 * administrators, a person) gave; a task none of whose candidates serves the commune is nobody's work.
 */
@NangBuocSpringTest
class RoutedGroupsBackfillTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  RoutedGroups routedGroups;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  DataSource dataSource;

  @Test
  void shouldRecordTheServingCandidateOfEveryOpenTaskAndWithdrawTheOthers() throws Exception {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    TaskService tasks = engine.getTaskService();
    ProcessInstance routed = driver.listEligibleChild();
    ProcessInstance unrouted = driver.listEligibleChild();
    String review = driver.task(routed).getId();
    String stray = driver.task(unrouted).getId();
    // as the previous release left them: no record; links added by hand, which the engine granted the task
    jdbc.sql("delete from task_routed_group where task_id in (?, ?)").param(review).param(stray).update();
    tasks.addCandidateGroup(review, "ubndHoangDong");
    tasks.addCandidateGroup(review, "camunda-admin");
    tasks.addCandidateUser(review, "cvtaichinh");
    tasks.deleteCandidateGroup(stray, "ldtbxhTpLangSon");
    tasks.addCandidateGroup(stray, "ubndHoangDong");

    try (Connection connection = dataSource.getConnection()) {
      new V86__Fill_routed_groups().migrate(context(connection));
    }

    assertThat(routedGroups.of(review)).containsExactly("ldtbxhTpLangSon");
    assertThat(tasks.getIdentityLinksForTask(review)).extracting(IdentityLink::getGroupId)
        .containsExactly("ldtbxhTpLangSon");
    assertThat(taskRights(review)).containsExactly("ldtbxhTpLangSon");
    assertThat(routedGroups.of(stray)).isEmpty();
    assertThat(tasks.getIdentityLinksForTask(stray)).extracting(IdentityLink::getGroupId)
        .containsExactly("ubndHoangDong");
    assertThatThrownBy(() -> driver.review(unrouted, "ACCEPT")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không thuộc cơ quan được giao");
    driver.review(routed, "ACCEPT");
    assertThat(driver.task(routed).getId()).isNotEqualTo(review);
  }

  /** Who holds a right on the task itself: groups, and users by their id. */
  private List<String> taskRights(String taskId) {
    return jdbc.sql("select coalesce(group_id_, user_id_) from ACT_RU_AUTHORIZATION where resource_type_ = ?"
            + " and resource_id_ = ? order by 1")
        .param(Resources.TASK.resourceType()).param(taskId).query(String.class).list();
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }
}
