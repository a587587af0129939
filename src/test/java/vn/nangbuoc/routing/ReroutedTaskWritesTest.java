package vn.nangbuoc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * A reorganisation re-routes a batch's tasks in SQL ({@link OpenTaskRerouting#rerouteTasksInSql}); the rows it
 * leaves are those of the engine's API ({@link OpenTaskRerouting#rerouteTasks}: saveTask, deleteCandidateGroup,
 * addCandidateGroup). Pathways alike are given the same stale state — a task routed to another commune's group
 * and claimed by its caseworker, with an old name and description; the same, the right group's own grants on
 * the task taken; a task in its group under an old name — and re-routed each way: every row of the task, its
 * history, its candidates and their history, the rights on the pathway and its tasks, the operation log, the
 * variables and jobs is the same, but for ids and times.
 */
@NangBuocSpringTest
class ReroutedTaskWritesTest {

  /** A group and a person of another commune. */
  static final String STRANGERS = "ubndChiLang";
  static final String STRANGER = "cbchilang";
  static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d{3,}");

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  OpenTaskRerouting rerouting;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  JdbcClient jdbc;

  /** Each task's revision before the re-routing. */
  private final Map<String, Long> baseline = new HashMap<>();

  @Test
  void shouldLeaveTheRowsTheEngineApiLeaves() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    List<ProcessInstance> byApi = new ArrayList<>();
    List<ProcessInstance> bySql = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byApi.add(driver.listEligibleChild());
      bySql.add(driver.listEligibleChild());
    }
    for (List<ProcessInstance> pathways : List.of(byApi, bySql)) {
      makeStale(driver.task(pathways.get(0)), true, false);
      makeStale(driver.task(pathways.get(1)), true, true);
      makeStale(driver.task(pathways.get(2)), false, false);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(rows(bySql.get(i))).isEqualTo(rows(byApi.get(i)));
    }
    // from here each task's revision is compared as what the re-routing adds to it: in the whole suite two alike
    // tasks were seen at revisions 5 and 4 before any re-routing (the shared database), which is not the re-routing's
    baseline.putAll(jdbc.sql("select id_, rev_ from ACT_RU_TASK where proc_inst_id_ in (:pids)")
        .param("pids", Stream.concat(byApi.stream(), bySql.stream()).map(ProcessInstance::getId)
            .toList())
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

    List<TaskRouted> routedByApi = rerouting.rerouteTasks(byApi.stream().map(ProcessInstance::getId).toList());
    List<TaskRouted> routedBySql = rerouting.rerouteTasksInSql(bySql.stream().map(ProcessInstance::getId).toList());

    assertThat(routedBySql).hasSize(2).hasSameSizeAs(routedByApi);
    assertThat(routedBySql).extracting(TaskRouted::groupId)
        .containsExactlyElementsOf(routedByApi.stream().map(TaskRouted::groupId).toList())
        .doesNotContain(STRANGERS);
    for (int i = 0; i < 3; i++) {
      List<String> expected = rows(byApi.get(i));
      assertThat(expected).noneMatch(row -> row.startsWith("ACT_RU_IDENTITYLINK") && row.contains(STRANGERS));
      assertThat(String.join("\n", rows(bySql.get(i)))).as("pathway " + i).isEqualTo(String.join("\n", expected));
    }
  }

  /** Routed away to another commune's group (and claimed there), or only renamed. */
  private void makeStale(Task task, boolean elsewhere, boolean withoutItsGroupsGrants) {
    TaskService tasks = engine.getTaskService();
    task.setName(task.getName() + " (tên cũ)");
    task.setDescription("Mô tả cũ");
    tasks.saveTask(task);
    if (!elsewhere) {
      return;
    }
    String group = tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .findFirst().orElseThrow().getGroupId();
    tasks.addCandidateGroup(task.getId(), STRANGERS);
    tasks.deleteCandidateGroup(task.getId(), group);
    tasks.setAssignee(task.getId(), STRANGER);
    if (withoutItsGroupsGrants) {
      jdbc.sql("delete from ACT_RU_AUTHORIZATION where group_id_ = ? and resource_id_ = ? and resource_type_ in (?, ?)")
          .params(group, task.getId(), Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType())
          .update();
    }
  }

  /** Every row the re-routing could touch, ids, times and the case's number written as what they are. */
  private List<String> rows(ProcessInstance pathway) {
    String pid = pathway.getId();
    String caseNumber = caseFiles.getByProcessInstance(pid).caseNumber();
    String tasks = "(select id_ from ACT_HI_TASKINST where proc_inst_id_ = :pid)";
    Map<String, String> where = new TreeMap<>(Map.of(
        "ACT_RU_TASK", "proc_inst_id_ = :pid",
        "ACT_HI_TASKINST", "proc_inst_id_ = :pid",
        "ACT_RU_IDENTITYLINK", "task_id_ in " + tasks,
        "ACT_HI_IDENTITYLINK", "task_id_ in " + tasks,
        "ACT_RU_AUTHORIZATION", "resource_id_ = :pid or resource_id_ in " + tasks,
        "ACT_HI_OP_LOG", "proc_inst_id_ = :pid",
        "ACT_HI_DETAIL", "proc_inst_id_ = :pid",
        "ACT_RU_VARIABLE", "proc_inst_id_ = :pid",
        "ACT_RU_JOB", "process_instance_id_ = :pid"));
    List<String> rows = new ArrayList<>();
    where.forEach((table, condition) -> jdbc.sql("select * from " + table + " where " + condition)
        .param("pid", pid).query().listOfRows().forEach(row -> {
          Map<String, String> values = new TreeMap<>();
          row.forEach((column, value) -> values.put(column.toLowerCase(), normalised(value, pid, caseNumber)));
          if ("ACT_RU_TASK".equals(table)) {
            Object id = row.containsKey("ID_") ? row.get("ID_") : row.get("id_");
            Number rev = (Number) (row.containsKey("REV_") ? row.get("REV_") : row.get("rev_"));
            values.put("rev_", baseline.containsKey(String.valueOf(id))
                ? "+" + (rev.longValue() - baseline.get(String.valueOf(id))) : "a revision");
          }
          if ("caseId".equals(values.get("name_"))) {
            // the variable holding the case's id, which differs between the two pathways
            values.put("long_", "the case's id");
            values.put("text_", "the case's id");
          }
          rows.add(table + " " + values);
        }));
    rows.sort(null);
    return rows;
  }

  private static String normalised(Object value, String pid, String caseNumber) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Date) {
      return "a time";
    }
    if (value instanceof byte[]) {
      return "bytes";
    }
    if (value instanceof Number) {
      return String.valueOf(value);
    }
    String text = String.valueOf(value).replace(caseNumber, "#case");
    return text.equals(pid) ? "the pathway" : ID.matcher(text).replaceAll("#id");
  }
}
