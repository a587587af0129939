package vn.nangbuoc.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * One escalation for every user task of every process, added by the engine ({@link EscalatingBpmnParse}),
 * and the old one of the pathway's versions before issue 18, which their running instances still use.
 * What an escalation does to each task of the pathway is in ChildPathwayProcessTest and NotificationsTest.
 */
@NangBuocSpringTest
class EscalationMechanismTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  JdbcClient jdbc;

  private Deployment before18;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (before18 != null) {
      engine.getRepositoryService().deleteDeployment(before18.getId(), true);
    }
  }

  @Test
  void shouldGiveEveryUserTaskOfEveryProcessTheSameRepeatingTimeoutListenerWithItsJobDefinition() {
    List<ProcessDefinition> processes = engine.getRepositoryService().createProcessDefinitionQuery()
        .latestVersion().list();
    assertThat(processes).extracting(ProcessDefinition::getKey).contains(ChildPathway.PROCESS_KEY);
    for (ProcessDefinition process : processes) {
      List<ActivityImpl> userTasks = userTasks(deployed(process));
      for (ActivityImpl task : userTasks) {
        UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) task.getActivityBehavior();
        assertThat(behavior.getTaskDefinition().getTimeoutTaskListener(OverdueTimeout.LISTENER_ID)).as(task.getId())
            .isNotNull();
        TimerDeclarationImpl timer = TimerDeclarationImpl.getTimeoutListenerDeclarationsForScope(task)
            .get(task.getId()).get(OverdueTimeout.LISTENER_ID);
        assertThat(timer.getJobConfiguration()).as(task.getId())
            .isEqualTo("CYCLE: ${taskDeadlines.escalationCycle(execution)}");
        assertThat(timer.isInterruptingTimer()).as(task.getId()).isFalse();
      }
      assertThat(engine.getManagementService().createJobDefinitionQuery().processDefinitionId(process.getId())
          .jobType(TimerTaskListenerJobHandler.TYPE).list())
          .extracting(definition -> definition.getActivityId())
          .containsExactlyInAnyOrderElementsOf(userTasks.stream().map(ActivityImpl::getId).toList());
    }
    assertThat(userTasks(deployed(processes.stream()
        .filter(process -> process.getKey().equals(ChildPathway.PROCESS_KEY)).findFirst().orElseThrow())))
        .isNotEmpty();
  }

  @Test
  void shouldStillEscalateARunningInstanceOfAVersionBeforeIssue18ThroughItsOwnTimerOnly() {
    before18 = engine.getRepositoryService().createDeployment().name("Lộ trình trước issue 18")
        .addClasspathResource("escalation/pathway-before-18.bpmn").deploy();
    CaseFile file = caseFiles.open(PathwayDriver.child("MAIPHA", LocalDate.now().minusYears(5),
        ConditionGroup.CLEFT_LIP_PALATE), null, "cbmaipha", HeldListings.Source.API);
    ProcessInstance pathway = engine.getRuntimeService().startProcessInstanceByKey("pathway-before-18",
        file.caseNumber(), Map.of(ChildPathway.VAR_CASE_ID, file.id()));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).singleResult();
    assertThat(task.getDueDate()).isAfter(new Date());

    // its boundary timer and no second one from the engine
    Job escalation = engine.getManagementService().createJobQuery().processInstanceId(pathway.getId())
        .singleResult();
    assertThat(escalation.getDuedate()).isEqualTo(task.getDueDate());
    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 60_000));
    engine.getManagementService().executeJob(escalation.getId());

    assertThat(pathway).isWaitingAt("Task_ReviewListing").hasPassed("Task_EscalateOverdueTasks",
        "EndEvent_OverdueRecorded");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getPriority())
        .isEqualTo(EscalationRule.ESCALATED_PRIORITY);
    assertThat(jdbc.sql("select count(*) from task_escalation where task_id = ?").param(task.getId())
        .query(Integer.class).single()).isEqualTo(1);
    Job next = engine.getManagementService().createJobQuery().processInstanceId(pathway.getId()).singleResult();
    assertThat(next.getJobDefinitionId()).isEqualTo(escalation.getJobDefinitionId());
    assertThat(next.getDuedate()).isEqualTo(new Date(task.getDueDate().getTime() + 24 * 3600 * 1000L));
  }

  private ProcessDefinitionEntity deployed(ProcessDefinition process) {
    return (ProcessDefinitionEntity) ((RepositoryServiceImpl) engine.getRepositoryService())
        .getDeployedProcessDefinition(process.getId());
  }

  private static List<ActivityImpl> userTasks(ScopeImpl scope) {
    List<ActivityImpl> found = new ArrayList<>();
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior) {
        found.add(activity);
      }
      found.addAll(userTasks(activity));
    }
    return found;
  }
}
