package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import vn.nangbuoc.NangBuocSpringTest;

/**
 * Health says DOWN when the job acquisition thread has stopped while the executor still calls itself
 * active, and the watchdog starts it again. The executor under test is one of its own, registered with no
 * engine: the shared context's executor (off in tests) is never touched.
 */
@NangBuocSpringTest
class JobAcquisitionHealthTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void shouldReportDownWhenTheAcquisitionThreadHasStoppedAndRestartIt() throws InterruptedException {
    JobExecutor executor = new DefaultJobExecutor();
    executor.start();
    try {
      assertThat(JobAcquisitionHealth.of(executor).getStatus()).isEqualTo(Status.UP);

      // what an error in the thread does: the loop ends, the "active" flag stays
      executor.getAcquireJobsRunnable().stop();
      awaitEnd(executor.getName());

      assertThat(executor.isActive()).as("Camunda's own indicator reads this flag").isTrue();
      assertThat(JobAcquisitionHealth.of(executor).getStatus()).isEqualTo(Status.DOWN);

      assertThat(JobAcquisitionWatchdog.restartIfStopped(executor)).isTrue();
      assertThat(JobAcquisitionHealth.of(executor).getStatus()).as("timers fire again").isEqualTo(Status.UP);
      assertThat(JobAcquisitionWatchdog.restartIfStopped(executor)).as("a running acquisition is left alone").isFalse();
    } finally {
      executor.shutdown();
    }
    assertThat(JobAcquisitionHealth.of(executor).getStatus()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void shouldShowTheAcquisitionOnTheHealthEndpoint() {
    Map<String, Object> health = http.exchange("/actuator/health", HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();

    assertThat(health).containsEntry("status", "UP");
    assertThat(health.get("components").toString()).contains("jobAcquisition");
  }

  private static void awaitEnd(String name) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      boolean running = Thread.getAllStackTraces().keySet().stream()
          .anyMatch(thread -> thread.getName().equals(name) && thread.isAlive());
      if (!running) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the acquisition thread did not stop");
  }
}
