package vn.nangbuoc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * A changed version of bpmn/child-pathway.bpmn deployed under the same key, with the forms its tasks bind to
 * by deployment; and the way back: every pathway on it migrated to the shipped version again and the deployment
 * deleted, so that the shared context's other tests find the shipped model the newest, as at start-up.
 */
final class NextYearsModel {

  static final String SHIPPED_NAME = "Hỗ trợ trẻ em khuyết tật: từ lập danh sách đến đóng hồ sơ";

  private final ProcessEngine engine;
  private final ProcessDefinition shipped;
  private Deployment deployment;

  NextYearsModel(ProcessEngine engine) {
    this.engine = engine;
    this.shipped = latest();
  }

  ProcessDefinition shipped() {
    return shipped;
  }

  /** Deploys the shipped model changed by {@code change}; returns the new newest version. */
  ProcessDefinition deploy(UnaryOperator<String> change) {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("Lộ trình năm sau (thử)")
        .addString("child-pathway.bpmn", change.apply(text("bpmn/child-pathway.bpmn")));
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        builder.addString(form.getFilename(), text(form));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    deployment = builder.deploy();
    ProcessDefinition next = latest();
    assertThat(next.getDeploymentId()).isEqualTo(deployment.getId());
    return next;
  }

  /** A change that alters nothing the pathway does: its name and version tag. */
  static String renamed(String xml) {
    String changed = xml.replace("name=\"" + SHIPPED_NAME + "\"", "name=\"" + SHIPPED_NAME + " (năm sau)\""
        + " camunda:versionTag=\"2027\"");
    assertThat(changed).isNotEqualTo(xml);
    return changed;
  }

  /** Every pathway on the changed version back to the shipped one, and the changed version gone. */
  void restore() {
    if (deployment == null) {
      return;
    }
    ProcessDefinition next = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).singleResult();
    if (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(next.getId()).count() > 0) {
      engine.getRuntimeService().newMigration(engine.getRuntimeService()
              .createMigrationPlan(next.getId(), shipped.getId()).mapEqualActivities().build())
          .processInstanceQuery(engine.getRuntimeService().createProcessInstanceQuery()
              .processDefinitionId(next.getId()))
          .execute();
    }
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true, true);
    deployment = null;
    assertThat(latest().getId()).isEqualTo(shipped.getId());
  }

  private ProcessDefinition latest() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ChildPathway.PROCESS_KEY)
        .latestVersion().singleResult();
  }

  private static String text(String classpathResource) {
    try (InputStream in = NextYearsModel.class.getClassLoader().getResourceAsStream(classpathResource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
