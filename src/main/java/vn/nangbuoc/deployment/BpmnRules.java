package vn.nangbuoc.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The checks of a BPMN file. They look at every element and attribute whatever its namespace
 * (Camunda still reads the old activiti namespace), so an element cannot slip through under
 * another prefix.
 */
class BpmnRules {

  /** Elements that run a script. */
  private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");
  /** Attributes that name a Java class. */
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
  /** Attributes that choose a script language. */
  private static final Set<String> LANGUAGE_ATTRIBUTES = Set.of("language", "scriptFormat");
  /** Attributes that hold a delegate bean by expression. */
  private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
      "variableMappingDelegateExpression");
  /** Text nobody evaluates. */
  private static final Set<String> PROSE_ELEMENTS = Set.of("documentation", "text");

  private final ExpressionRule expressions;
  private final Supplier<Set<String>> delegateBeans;

  BpmnRules(ExpressionRule expressions, Supplier<Set<String>> delegateBeans) {
    this.expressions = expressions;
    this.delegateBeans = delegateBeans;
  }

  List<String> problems(Document document) {
    List<String> problems = new ArrayList<>();
    for (Element element : ModelXml.elements(document)) {
      String name = element.getLocalName();
      String where = Where.of(element);
      if (SCRIPT_ELEMENTS.contains(name)) {
        problems.add(where + ": có mã lệnh (script)");
      }
      if ("connector".equals(name)) {
        problems.add(where + ": gọi dịch vụ bên ngoài (camunda:connector)");
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        attribute(where, (Attr) attributes.item(i)).ifPresent(problems::add);
      }
      String text = ModelXml.ownText(element);
      if (!PROSE_ELEMENTS.contains(name) && ExpressionRule.isExpression(text)) {
        expressions.problem(text.trim()).ifPresent(problem -> problems.add(where + ": " + problem));
      }
    }
    return problems;
  }

  private Optional<String> attribute(String where, Attr attribute) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    if ("http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
      return Optional.empty();
    }
    if (CLASS_ATTRIBUTES.contains(name)) {
      return Optional.of(where + ": gọi lớp Java (camunda:" + name + ")");
    }
    if (LANGUAGE_ATTRIBUTES.contains(name)) {
      return Optional.of(where + ": có mã lệnh (" + name + "=\"" + value + "\")");
    }
    if ("resource".equals(name)) {
      return Optional.of(where + ": dùng tệp ngoài bản triển khai (camunda:resource)");
    }
    if ("formKey".equals(name)) {
      return Optional.of(where + ": biểu mẫu phải dùng camunda:formRef, không dùng camunda:formKey");
    }
    if (DELEGATE_ATTRIBUTES.contains(name)) {
      Optional<String> bean = ExpressionRule.plainName(value);
      return bean.isPresent() && delegateBeans.get().contains(bean.get()) ? Optional.empty()
          : Optional.of(where + ": delegateExpression phải là ${tên} của một bộ xử lý có sẵn của Nâng Bước");
    }
    if (ExpressionRule.isExpression(value)) {
      return expressions.problem(value).map(problem -> where + ": " + problem);
    }
    return Optional.empty();
  }
}
