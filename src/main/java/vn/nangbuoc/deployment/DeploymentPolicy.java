package vn.nangbuoc.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The check every new deployment passes before the engine parses it, whatever brought it (REST and
 * so Cockpit and Modeler's deploy button, a zip or .bar through the Java API, the shipped models at
 * start-up): a model may read and compare variables and name the product's own delegates, nothing
 * that runs code an administrator chose. Registered as the engine's first pre-deployer, so a refused
 * deployment throws inside the deploy command and leaves no deployment, definition or resource.
 *
 * <p>Deployments already in the database are not checked again when the engine loads them into its
 * cache: they were checked when they were deployed (or shipped).
 */
@Component
public class DeploymentPolicy implements Deployer {

  private static final int PROBLEMS_SHOWN = 5;

  private final BpmnRules bpmn;
  private final DmnRules dmn = new DmnRules();
  private final FormRules forms = new FormRules();

  public DeploymentPolicy(ExpressionBeans beans) {
    ExpressionRule expressions = new ExpressionRule(ExpressionBeans.allowedCalls(), beans::isHidden);
    this.bpmn = new BpmnRules(expressions, beans::delegates);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      for (String problem : problems(resource.getName(), resource.getBytes())) {
        problems.add(resource.getName() + ", " + problem);
      }
    }
    if (!problems.isEmpty()) {
      throw new DeploymentRefusedException(message(problems));
    }
  }

  /** The problems of one file of a deployment, in Vietnamese; empty when it may be deployed. */
  List<String> problems(String name, byte[] bytes) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      Document document = ModelXml.parse(bytes);
      return document == null ? List.of("tệp BPMN không đọc được") : bpmn.problems(document);
    }
    if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      Document document = ModelXml.parse(bytes);
      return document == null ? List.of("tệp DMN không đọc được") : dmn.problems(document);
    }
    if (lower.endsWith(".form")) {
      return forms.problems(bytes);
    }
    if (lower.endsWith(".png")) {
      return List.of();
    }
    return List.of("chỉ nhận tệp .bpmn, .dmn, .form (và ảnh .png của sơ đồ); tệp nén hãy giải nén rồi gửi từng tệp");
  }

  private static String message(List<String> problems) {
    StringBuilder message = new StringBuilder("Không triển khai được: mô hình chỉ được đọc và so sánh biến, "
        + "gọi các bộ xử lý có sẵn của Nâng Bước; không được chứa mã lệnh, lớp Java, lời gọi phương thức "
        + "hay tệp bên ngoài. ");
    message.append(String.join("; ", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))));
    if (problems.size() > PROBLEMS_SHOWN) {
      message.append("; và ").append(problems.size() - PROBLEMS_SHOWN).append(" chỗ khác");
    }
    return message.append('.').toString();
  }
}
