package vn.nangbuoc.migration;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessInstance;
import org.camunda.bpm.engine.impl.migration.instance.parser.MigratingInstanceParser;
import org.camunda.bpm.engine.impl.migration.validation.instance.MigratingProcessInstanceValidationReportImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;

/**
 * The checks the engine makes on each instance before it migrates it, without migrating: the engine has no
 * public call for them (its REST "validate" checks the plan only), and an administrator must see which cases
 * would stay behind before the batch runs. The checks are the engine's own ({@link MigrateProcessInstanceCmd}),
 * so the preview and the batch cannot disagree on the same state. Run it in a transaction that is rolled back.
 */
final class InstanceValidation implements Command<List<MigratingProcessInstanceValidationReport>> {

  private final Checks checks;
  private final List<String> processInstanceIds;

  InstanceValidation(CommandExecutor executor, MigrationPlan plan, List<String> processInstanceIds) {
    this.checks = new Checks(new MigrationPlanExecutionBuilderImpl(executor, plan));
    this.processInstanceIds = List.copyOf(processInstanceIds);
  }

  /** The reports of the instances that could not be migrated; those that ended or moved meanwhile are left out. */
  @Override
  public List<MigratingProcessInstanceValidationReport> execute(CommandContext context) {
    List<MigratingProcessInstanceValidationReport> refused = new ArrayList<>();
    context.runWithoutAuthorization(() -> {
      for (String id : processInstanceIds) {
        MigratingProcessInstanceValidationReport report = checks.check(context, id);
        if (report != null && report.hasFailures()) {
          refused.add(report);
        }
      }
      return null;
    });
    return refused;
  }

  /** Access to the engine command's checks. */
  private static final class Checks extends MigrateProcessInstanceCmd {

    Checks(MigrationPlanExecutionBuilderImpl builder) {
      super(builder, false);
    }

    MigratingProcessInstanceValidationReport check(CommandContext context, String processInstanceId) {
      MigrationPlan plan = executionBuilder.getMigrationPlan();
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
      if (instance == null || !plan.getSourceProcessDefinitionId().equals(instance.getProcessDefinitionId())) {
        return null;
      }
      MigratingProcessInstanceValidationReportImpl report = new MigratingProcessInstanceValidationReportImpl();
      report.setProcessInstanceId(processInstanceId);
      try {
        MigratingProcessInstance migrating = new MigratingInstanceParser(
            context.getProcessEngineConfiguration().getProcessEngine()).parse(processInstanceId, plan, report);
        validateInstructions(context, migrating, report);
      } catch (ProcessEngineException e) {
        // a state the parser cannot read is a refusal too; its text is the engine's, not shown
        report.addFailure(EngineReasons.UNKNOWN);
      }
      return report;
    }
  }
}
