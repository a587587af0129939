package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * The rights a reorganisation sets in SQL for a batch ({@link CaseAuthorizations#recomputeRunning},
 * {@link CaseAuthorizations#recomputeEnded}) are the rows the engine's API leaves ({@link
 * CaseAuthorizations#recompute}, one command a right): two pathways alike, given the same stale rights (a group
 * and a person of another commune on the case, its history and its open task, a group of the same commune added
 * to the open task by hand; a serving group's read taken),
 * one recomputed each way, hold the same rows — type, holder, resource, permissions, revision, and on the
 * history the root instance and removal time the history cleanup goes by.
 */
@NangBuocSpringTest
class BatchRightsTest {

  static final String COMMUNE = "MAIPHA";
  /** A group and a person of another commune. */
  static final String STRANGERS = "ubndChiLang";
  static final String STRANGER = "cbchilang";
  /** The health centre's doctors: they serve the commune, but routing did not choose them for the task. */
  static final String SAME_COMMUNE_OTHER_AGENCY = "ttytTpLangSon";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseAuthorizations rights;
  @Autowired
  OrganisationDirectory organisation;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldLeaveARunningPathwaysRightsAsTheEngineApiDoes() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance byApi = driver.listEligibleChild();
    ProcessInstance bySql = driver.listEligibleChild();
    makeStale(byApi, driver.task(byApi));
    makeStale(bySql, driver.task(bySql));
    assertThat(rows(bySql)).isEqualTo(rows(byApi));
    assertThat(rows(byApi)).anyMatch(BatchRightsTest::isHandAddedGroupsTaskRight);

    rights.recompute(byApi.getId(), COMMUNE);
    rights.recomputeRunning(List.of(bySql.getId()), COMMUNE);

    List<String> recomputed = rows(byApi);
    assertThat(recomputed).noneMatch(row -> row.contains(STRANGERS) || row.contains(STRANGER));
    assertThat(recomputed).anyMatch(row -> row.contains("| " + serving() + " |"));
    assertThat(recomputed).as("no right on the task for a candidate group routing did not choose")
        .noneMatch(BatchRightsTest::isHandAddedGroupsTaskRight);
    assertThat(rows(bySql)).isEqualTo(recomputed);
  }

  @Test
  void shouldLeaveAnEndedPathwaysRightsAsTheEngineApiDoes() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance byApi = driver.listEligibleChild();
    ProcessInstance bySql = driver.listEligibleChild();
    driver.review(byApi, "NOT_ELIGIBLE");
    driver.review(bySql, "NOT_ELIGIBLE");
    makeStale(byApi, null);
    makeStale(bySql, null);

    rights.recompute(byApi.getId(), COMMUNE);
    rights.recomputeEnded(List.of(bySql.getId()), COMMUNE);

    List<String> recomputed = rows(byApi);
    assertThat(recomputed).noneMatch(row -> row.contains(STRANGERS) || row.contains(STRANGER));
    assertThat(recomputed).anyMatch(row -> row.contains("| " + serving() + " |") && row.endsWith("history's"));
    assertThat(rows(bySql)).isEqualTo(recomputed);
  }

  /** A stale group and person on the case, its history and its open task; a serving group's reads taken. */
  private void makeStale(ProcessInstance pathway, Task open) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Resource resource : List.of(Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE)) {
      grant(STRANGERS, null, resource, pathway.getId());
      grant(null, STRANGER, resource, pathway.getId());
      authorizations.createAuthorizationQuery().groupIdIn(serving()).resourceType(resource)
          .resourceId(pathway.getId()).list().forEach(right -> authorizations.deleteAuthorization(right.getId()));
    }
    if (open != null) {
      // the engine grants a candidate group and an assignee the task, and keeps the right when they go
      TaskService tasks = engine.getTaskService();
      tasks.addCandidateGroup(open.getId(), STRANGERS);
      tasks.deleteCandidateGroup(open.getId(), STRANGERS);
      tasks.setAssignee(open.getId(), STRANGER);
      tasks.setAssignee(open.getId(), null);
      // a group of another agency serving the same commune, added by hand and still a candidate: not routed
      tasks.addCandidateGroup(open.getId(), SAME_COMMUNE_OTHER_AGENCY);
    }
  }

  private void grant(String group, String user, Resource resource, String id) {
    Authorization right = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    right.setGroupId(group);
    right.setUserId(user);
    right.setResource(resource);
    right.setResourceId(id);
    right.addPermission(resource == Resources.HISTORIC_PROCESS_INSTANCE ? HistoricProcessInstancePermissions.READ
        : ProcessInstancePermissions.READ);
    engine.getAuthorizationService().saveAuthorization(right);
  }

  private static boolean isHandAddedGroupsTaskRight(String row) {
    return row.contains("| " + SAME_COMMUNE_OTHER_AGENCY + " | null | " + Resources.TASK.resourceType() + " |");
  }

  private String serving() {
    return organisation.groupsServing(COMMUNE).get(0);
  }

  /**
   * The rights on the pathway, its history and its tasks, without what differs between two pathways: the
   * resource by what it is, the root instance and removal time by what they are to the pathway's history.
   */
  private List<String> rows(ProcessInstance pathway) {
    String pid = pathway.getId();
    Timestamp removal = jdbc.sql("select removal_time_ from ACT_HI_PROCINST where id_ = ?").param(pid)
        .query(Timestamp.class).optional().orElse(null);
    List<String> rows = new ArrayList<>(jdbc.sql("select a.type_, a.group_id_, a.user_id_, a.resource_type_,"
            + " a.perms_, a.rev_, coalesce(h.task_def_key_, 'the case'), a.root_proc_inst_id_, a.removal_time_"
            + " from ACT_RU_AUTHORIZATION a left join ACT_HI_TASKINST h on h.id_ = a.resource_id_"
            + " where a.resource_id_ = :pid or h.proc_inst_id_ = :pid")
        .param("pid", pid)
        .query((rs, n) -> String.join(" | ", String.valueOf(rs.getInt(1)), rs.getString(2), rs.getString(3),
            String.valueOf(rs.getInt(4)), String.valueOf(rs.getInt(5)), String.valueOf(rs.getInt(6)), rs.getString(7),
            rs.getString(8) == null ? "no root" : rs.getString(8).equals(pid) ? "its root" : "another root",
            rs.getTimestamp(9) == null ? "no removal" : Objects.equals(rs.getTimestamp(9), removal) ? "history's"
                : "another removal"))
        .list());
    rows.sort(null);
    return rows;
  }
}
