package vn.nangbuoc.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Which of a version's running pathways the engine would migrate with a plan, and why not the others. */
@Component
class MigrationChecks {

  /** Instances checked per transaction: each check loads the instance's executions, tasks, jobs and variables. */
  static final int CHECKED_PER_TRANSACTION = 100;

  record Outcome(List<String> migratable, List<MigrationPreview.Refusal> refused) {
  }

  private final ProcessEngineConfigurationImpl engine;
  private final TransactionTemplate transactions;

  MigrationChecks(ProcessEngine engine, PlatformTransactionManager transactions) {
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.transactions = new TransactionTemplate(transactions);
  }

  Outcome check(MigrationPlan plan, List<String> processInstanceIds) {
    List<MigrationPreview.Refusal> refused = new ArrayList<>();
    Set<String> refusedIds = new LinkedHashSet<>();
    for (int from = 0; from < processInstanceIds.size(); from += CHECKED_PER_TRANSACTION) {
      List<String> chunk = processInstanceIds.subList(from,
          Math.min(from + CHECKED_PER_TRANSACTION, processInstanceIds.size()));
      // rolled back whatever happens: the checks only read, and must stay so
      List<MigratingProcessInstanceValidationReport> reports = transactions.execute(status -> {
        status.setRollbackOnly();
        return engine.getCommandExecutorTxRequired().execute(
            new InstanceValidation(engine.getCommandExecutorTxRequired(), plan, chunk));
      });
      for (MigratingProcessInstanceValidationReport report : reports) {
        refused.add(new MigrationPreview.Refusal(report.getProcessInstanceId(), reasons(report)));
        refusedIds.add(report.getProcessInstanceId());
      }
    }
    List<String> migratable = processInstanceIds.stream().filter(id -> !refusedIds.contains(id)).toList();
    return new Outcome(migratable, refused);
  }

  static List<String> reasons(MigratingProcessInstanceValidationReport report) {
    Set<String> reasons = new LinkedHashSet<>();
    report.getFailures().forEach(failure -> reasons.add(EngineReasons.of(failure)));
    for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
      activity.getFailures().forEach(failure -> reasons.add(
          "Bước " + activity.getSourceScopeId() + ": " + EngineReasons.of(failure)));
    }
    for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
      transition.getFailures().forEach(failure -> reasons.add(
          "Bước " + transition.getSourceScopeId() + ": " + EngineReasons.of(failure)));
    }
    return List.copyOf(reasons);
  }
}
