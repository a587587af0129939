package vn.nangbuoc.unitreport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.ReorganisationCheck;
import vn.nangbuoc.system.EngineSystem;

/**
 * A reorganisation re-routes the open tasks of children's pathways, not those of unit reports: an open report keeps
 * its reporting and receiving units and its tasks stay with the groups they went to. A change set that ends such a
 * unit, or the agency of such a group, while a report is open would strand it, so its preview says so and the apply
 * waits until the receiving office has accepted the reports (or the change set's day moves).
 */
@Component
class OpenReportsInReorganisation implements ReorganisationCheck {

  /** Units named per period; the rest are counted. */
  private static final int NAMED = 10;
  /** Process instances asked for per statement: well under any driver's limit. */
  private static final int CHUNK = 500;

  private record OpenReport(String periodCode, String unitCode) {
  }

  private final JdbcClient jdbc;
  private final TaskService taskService;
  private final OrganisationDirectory organisation;
  private final EngineSystem system;

  OpenReportsInReorganisation(JdbcClient jdbc, TaskService taskService, OrganisationDirectory organisation,
      EngineSystem system) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.organisation = organisation;
    this.system = system;
  }

  @Override
  public List<String> problems(Collection<String> endingUnits, Collection<String> endingGroups) {
    Set<String> units = Set.copyOf(endingUnits);
    Set<String> instances = new LinkedHashSet<>();
    if (!endingGroups.isEmpty()) {
      // assigned tasks too: a claimed task still belongs to the group's agency
      system.call(() -> taskService.createTaskQuery().processDefinitionKey(UnitReport.PROCESS_KEY)
          .taskCandidateGroupIn(List.copyOf(endingGroups)).includeAssignedTasks().list())
          .stream().map(Task::getProcessInstanceId).forEach(instances::add);
    }
    if (units.isEmpty() && instances.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> stranded = new TreeMap<>();
    List<OpenReport> open = new ArrayList<>(units.isEmpty() ? List.of() : openReports("r.unit_code in (:units)"
        + " or r.receiving_unit_code in (:units)", "units", List.copyOf(units)));
    List<String> waiting = List.copyOf(instances);
    for (int first = 0; first < waiting.size(); first += CHUNK) {
      open.addAll(openReports("r.process_instance_id in (:instances)", "instances",
          waiting.subList(first, Math.min(waiting.size(), first + CHUNK))));
    }
    open.forEach(report -> stranded.computeIfAbsent(report.periodCode(), code -> new TreeSet<>())
        .add(report.unitCode()));
    List<String> problems = new ArrayList<>();
    stranded.forEach((period, reporting) -> problems.add(problem(period, reporting)));
    return problems;
  }

  private String problem(String periodCode, Set<String> reporting) {
    String periodName = jdbc.sql("select name from report_period where code = ?").param(periodCode)
        .query(String.class).optional().orElse(periodCode);
    List<String> names = reporting.stream().limit(NAMED).map(this::unitName).toList();
    String more = reporting.size() > NAMED ? " và " + (reporting.size() - NAMED) + " đơn vị khác" : "";
    return "Kỳ báo cáo \"" + periodName + "\" (" + periodCode + ") còn " + reporting.size() + " báo cáo chưa được"
        + " chấp nhận của " + String.join(", ", names) + more + ", gắn với đơn vị hoặc cơ quan mà lần sắp xếp này"
        + " kết thúc: báo cáo của đơn vị không tự chuyển sang đơn vị, cơ quan mới. Hãy hoàn tất các báo cáo này"
        + " (cơ quan tiếp nhận chấp nhận) trước khi áp dụng.";
  }

  /** The reports not yet accepted that match: a few per unit and period, whatever the years of periods behind. */
  private List<OpenReport> openReports(String where, String name, List<String> values) {
    return jdbc.sql("select r.period_code, r.unit_code from unit_report r where r.state <> :accepted and (" + where
            + ")")
        .param("accepted", ReportState.ACCEPTED.name()).param(name, values)
        .query((rs, row) -> new OpenReport(rs.getString(1), rs.getString(2)))
        .list();
  }

  private String unitName(String code) {
    return organisation.unit(code).map(unit -> unit.displayName()).orElse(code);
  }
}
