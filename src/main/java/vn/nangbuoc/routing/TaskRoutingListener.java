package vn.nangbuoc.routing;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.pathway.StepCatalogues;
import vn.nangbuoc.pathway.TaskTitle;
import vn.nangbuoc.security.RoutedGroups;
import vn.nangbuoc.system.EngineSystem;

/**
 * On every user task (of a child's pathway or a unit's report): clears what the task is to decide (an earlier
 * round's answer must not stand for this one), then hands the task to the responsible agency's group, with its
 * due date, and names it for the list ({@link TaskTitle}). The group is recorded as the task's routed group
 * ({@link RoutedGroups}): a candidate link alone, which can be added by hand, gives nobody the task's work.
 */
@Component("taskRoutingListener")
class TaskRoutingListener implements TaskListener {

  static final int NORMAL_PRIORITY = 50;

  private final TaskRouting routing;
  private final TaskDeadlines deadlines;
  private final ApplicationEventPublisher events;
  private final CaseFileService caseFiles;
  private final StepCatalogues catalogues;
  private final EngineSystem system;
  private final TaskTitles titles;
  private final RoutedGroups routedGroups;

  TaskRoutingListener(TaskRouting routing, TaskDeadlines deadlines, ApplicationEventPublisher events,
      CaseFileService caseFiles, StepCatalogues catalogues, EngineSystem system, TaskTitles titles,
      RoutedGroups routedGroups) {
    this.titles = titles;
    this.routedGroups = routedGroups;
    this.routing = routing;
    this.deadlines = deadlines;
    this.events = events;
    this.caseFiles = caseFiles;
    this.catalogues = catalogues;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    decisionsOf(task).forEach(decision -> task.getExecution().getProcessInstance().removeVariable(decision));
    Route route = routing.routeFor(task.getTaskDefinitionKey(), task.getProcessInstanceId());
    task.addCandidateGroup(route.agency().groupId());
    routedGroups.route(task.getId(), task.getProcessInstanceId(), route.agency().groupId());
    task.setDueDate(deadlines.dueDate(task.getExecution()));
    task.setPriority(NORMAL_PRIORITY);
    task.setDescription(describe(route));
    String step = TaskTitle.step(task.getName());
    CaseFile file = caseFiles.findByProcessInstance(task.getProcessInstanceId()).orElse(null);
    if (file != null) {
      caseFiles.currentStep(file.id(), task.getTaskDefinitionKey());
      task.setName(titles.of(step, file));
    } else {
      UnitSubject unit = routing.unitSubjectOf(task.getProcessInstanceId()).orElseThrow();
      task.setName(TaskTitle.of(step, unit.reference(), unit.unitName()));
    }
    events.publishEvent(new TaskRouted(task.getId(), task.getProcessInstanceId(), step, task.getDueDate(),
        route.agency().groupId(), route.agency().agencyName()));
  }

  /** What the task's entry in its process's step catalogue says it decides. */
  private List<String> decisionsOf(DelegateTask task) {
    // the system's part of the action: the acting user may read no other process's definition
    String processKey = system.call(() -> task.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId()).getKey());
    return catalogues.of(processKey).map(catalogue -> catalogue.decisionsOf(task.getTaskDefinitionKey()))
        .orElse(List.of());
  }

  static String describe(Route route) {
    String agency = "Cơ quan phụ trách: " + route.agency().agencyName();
    return route.note() == null ? agency : agency + ". " + route.note();
  }
}
