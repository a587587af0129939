package vn.nangbuoc.casepage;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;

/**
 * In the demo only: the pathway's waiting timers (follow-up visits a month away, a postponed surgery) run now
 * from the case page, so that a new user walks the whole path in an afternoon. The task-deadline timers that
 * escalate overdue work are left alone: running them would report work as late that is not. Offered to the
 * case's caseworkers, who read the case; administrators read no child's case file. Off outside the demo.
 */
@PageController
class DemoTimers {

  private final boolean demo;
  private final CaseFileService caseFiles;
  private final ManagementService management;
  private final EngineSystem system;
  private final Roles roles;

  DemoTimers(@Value("${nangbuoc.demo.enabled:false}") boolean demo, CaseFileService caseFiles,
      ManagementService management, EngineSystem system, Roles roles) {
    this.demo = demo;
    this.caseFiles = caseFiles;
    this.management = management;
    this.system = system;
    this.roles = roles;
  }

  /** The timers the case page offers to run now; none outside the demo or for someone who may not. */
  List<Job> offeredFor(CaseFile file, String userId) {
    if (!demo || file.processInstanceId() == null || file.status() != CaseStatus.ACTIVE
        || !roles.isCaseworker(userId)) {
      return List.of();
    }
    return waitingTimers(file.processInstanceId());
  }

  @PostMapping("/ho-so/{id}/hen-gio-demo")
  String runNow(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    if (!demo) {
      throw new ForbiddenException("Chỉ bản demo mới chạy hẹn giờ ngay được.");
    }
    CaseFile file = caseFiles.getForUser(id, user.getName());
    if (!roles.isCaseworker(user.getName())) {
      throw new ForbiddenException("Chỉ cán bộ phụ trách hồ sơ mới chạy hẹn giờ ngay được.");
    }
    List<Job> timers = offeredFor(file, user.getName());
    // one at a time and as the system: a timer moves the pathway on, which may end or replace the next timer
    int ran = 0;
    for (Job timer : timers) {
      if (system.call(() -> management.createJobQuery().jobId(timer.getId()).count()) == 1) {
        system.run(() -> management.executeJob(timer.getId()));
        ran++;
      }
    }
    redirect.addFlashAttribute("saved", ran == 0 ? "Hồ sơ không có hẹn giờ nào đang chờ."
        : "Đã chạy ngay " + ran + " hẹn giờ của lộ trình (chỉ có trong bản demo).");
    return "redirect:/ho-so/" + id;
  }

  private List<Job> waitingTimers(String processInstanceId) {
    return system.call(() -> management.createJobQuery().processInstanceId(processInstanceId).timers()
            .listPage(0, EngineLimits.SMALL_LIST)).stream()
        .filter(job -> !TimerTaskListenerJobHandler.TYPE.equals(jobType(job)))
        .toList();
  }

  private String jobType(Job job) {
    JobDefinition definition = system.call(() -> management.createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId()).singleResult());
    return definition == null ? null : definition.getJobType();
  }
}
