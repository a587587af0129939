package vn.nangbuoc.engine;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the thread that acquires the engine's jobs: timers (escalations, follow-ups, postponed
 * surgeries) fire only while it runs. Camunda's own indicator reads the executor's "active" flag,
 * which stays true when the thread has died (an OutOfMemoryError in another thread killed it once,
 * and health said UP while no timer fired until a restart). DOWN here lets the platform restart the node.
 */
@Component("jobAcquisition")
class JobAcquisitionHealth implements HealthIndicator {

  private final ProcessEngine engine;

  JobAcquisitionHealth(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    return of(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor());
  }

  static Health of(JobExecutor executor) {
    if (executor == null || !executor.isActive()) {
      return Health.unknown().withDetail("jobExecution", "off").build();
    }
    Thread acquisition = acquisitionThread(executor);
    if (acquisition == null || !acquisition.isAlive()) {
      return Health.down().withDetail("jobExecution", "acquisition thread stopped: no timer fires").build();
    }
    return Health.up().withDetail("jobExecution", "acquiring").build();
  }

  /** The engine keeps the thread in a protected field and offers no getter. */
  private static Thread acquisitionThread(JobExecutor executor) {
    try {
      Field field = JobExecutor.class.getDeclaredField("jobAcquisitionThread");
      field.setAccessible(true);
      return (Thread) field.get(executor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
