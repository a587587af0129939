package vn.nangbuoc.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Restarts the job acquisition when its thread has died (an Error in it ends its loop: Camunda
 * catches only exceptions), so that timers fire again without waiting for someone to restart the
 * node. Health reports DOWN until then. Off where job execution is off (the tests).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class JobAcquisitionWatchdog {

  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionWatchdog.class);

  private final ProcessEngine engine;

  JobAcquisitionWatchdog(ProcessEngine engine) {
    this.engine = engine;
  }

  @Scheduled(fixedDelayString = "${nangbuoc.jobs.watch-acquisition-every:PT30S}", initialDelayString = "PT60S")
  void watch() {
    restartIfStopped(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor());
  }

  /** Whether the acquisition had stopped and was started again. */
  static boolean restartIfStopped(JobExecutor executor) {
    if (executor == null || !Status.DOWN.equals(JobAcquisitionHealth.of(executor).getStatus())) {
      return false;
    }
    LOG.warn("The job acquisition thread has stopped: restarting it so that timers fire again");
    executor.shutdown();
    executor.start();
    return true;
  }
}
