package vn.nangbuoc.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The checks of a BPMN file. What Camunda adds to BPMN (its namespace, and the old activiti one it
 * still reads) is taken from an allow-list: the attributes and elements the shipped models use, and
 * a few that only tune the engine's bookkeeping. The engine knows dozens more, and several make it
 * instantiate a class of the deployer's choosing ({@code formHandlerClass} while parsing, a
 * {@code camunda:constraint} validator on submit), run a script, call out, or give a task to a group
 * or person past the routing table; a name added by a later engine version is refused too until
 * someone has looked at it. The rest of the model is checked whatever its namespace: no script
 * element, no class or script language by any prefix, and every expression passes {@link ExpressionRule}.
 */
class BpmnRules {

  private static final Set<String> CAMUNDA_NAMESPACES = Set.of(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS,
      BpmnParser.ACTIVITI_BPMN_EXTENSIONS_NS);

  /**
   * The Camunda attributes a BPMN element may carry: the shipped models' forms, delegates, decision
   * and history settings, a service task's expression (held to {@link ExpressionRule}), and version
   * and transaction settings that run nothing.
   */
  static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("formRef", "formRefBinding", "formRefVersion",
      "delegateExpression", "expression", "resultVariable", "decisionRef", "decisionRefBinding",
      "decisionRefVersion", "mapDecisionResult", "historyTimeToLive", "versionTag", "asyncBefore", "asyncAfter",
      "exclusive");

  /**
   * The Camunda elements a model may hold, each with the attributes it may carry. Not among them:
   * {@code inputOutput}, whose local variables would shadow the process's own ({@code caseId}) for the
   * product's listeners, and {@code field}, which writes into the product's shared delegate beans.
   */
  static final Map<String, Set<String>> CAMUNDA_ELEMENTS = Map.of(
      "taskListener", Set.of("event", "delegateExpression", "expression"),
      "executionListener", Set.of("event", "delegateExpression", "expression"),
      "properties", Set.of(),
      "property", Set.of("name", "value"));

  /** Who works a task, or may start a process: routing data (task-routing.dmn), never written in a model. */
  private static final Set<String> ASSIGNMENTS = Set.of("assignee", "candidateGroups", "candidateUsers",
      "candidateStarterGroups", "candidateStarterUsers");

  /** Elements that run a script. */
  private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");
  /** Attributes that name a Java class. */
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "formHandlerClass");
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
    visit(document.getDocumentElement(), problems);
    return problems;
  }

  /** One element and, unless it is refused whole, its attributes, its text and its children. */
  private void visit(Element element, List<String> problems) {
    String name = element.getLocalName();
    String where = Where.of(element);
    boolean camunda = isCamunda(element);
    if (camunda && !CAMUNDA_ELEMENTS.containsKey(name)) {
      problems.add(where + ": " + refusedElement(name));
      return;
    }
    if (SCRIPT_ELEMENTS.contains(name)) {
      problems.add(where + ": có mã lệnh (script)");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      Optional<String> problem = camunda ? extensionAttribute(name, attribute) : attribute(attribute);
      problem.ifPresent(text -> problems.add(where + ": " + text));
    }
    String text = ModelXml.ownText(element);
    if (!PROSE_ELEMENTS.contains(name) && ExpressionRule.isExpression(text)) {
      expressions.problem(text.trim()).ifPresent(problem -> problems.add(where + ": " + problem));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        visit(childElement, problems);
      }
    }
  }

  /** An attribute of a Camunda element (a listener, a property): the engine reads them without prefix. */
  private Optional<String> extensionAttribute(String element, Attr attribute) {
    if (isNamespaceDeclaration(attribute)) {
      return Optional.empty();
    }
    String name = localName(attribute);
    if (!CAMUNDA_ELEMENTS.get(element).contains(name)) {
      return Optional.of(refusedAttribute(name));
    }
    return value(name, attribute.getValue());
  }

  /** An attribute of a BPMN element: Camunda's by the allow-list, any other by what it would do. */
  private Optional<String> attribute(Attr attribute) {
    if (isNamespaceDeclaration(attribute)) {
      return Optional.empty();
    }
    String name = localName(attribute);
    if (isCamunda(attribute.getNamespaceURI()) && !CAMUNDA_ATTRIBUTES.contains(name)) {
      return Optional.of(refusedAttribute(name));
    }
    if (CLASS_ATTRIBUTES.contains(name) || "resource".equals(name) || "formKey".equals(name)) {
      return Optional.of(refusedAttribute(name));
    }
    if (LANGUAGE_ATTRIBUTES.contains(name)) {
      return Optional.of("có mã lệnh (" + name + "=\"" + attribute.getValue() + "\")");
    }
    return value(name, attribute.getValue());
  }

  /** The value of an allowed attribute: a delegate of the product, or an expression the rule allows. */
  private Optional<String> value(String name, String value) {
    if (DELEGATE_ATTRIBUTES.contains(name)) {
      Optional<String> bean = ExpressionRule.plainName(value);
      return bean.isPresent() && delegateBeans.get().contains(bean.get()) ? Optional.empty()
          : Optional.of("delegateExpression phải là ${tên} của một bộ xử lý có sẵn của Nâng Bước");
    }
    if (ExpressionRule.isExpression(value)) {
      return expressions.problem(value);
    }
    return Optional.empty();
  }

  private static String refusedAttribute(String name) {
    if (CLASS_ATTRIBUTES.contains(name)) {
      return "gọi lớp Java (camunda:" + name + ")";
    }
    if ("resource".equals(name)) {
      return "dùng tệp ngoài bản triển khai (camunda:resource)";
    }
    if ("formKey".equals(name)) {
      return "biểu mẫu phải dùng camunda:formRef, không dùng camunda:formKey";
    }
    if (LANGUAGE_ATTRIBUTES.contains(name)) {
      return "có mã lệnh (camunda:" + name + ")";
    }
    if (ASSIGNMENTS.contains(name)) {
      return "không giao việc trong mô hình (camunda:" + name + "):"
          + " ai làm việc nào do bảng task-routing.dmn quyết định";
    }
    return "không dùng được camunda:" + name + " (chỉ nhận các thuộc tính Camunda mà quy trình của Nâng Bước dùng)";
  }

  private static String refusedElement(String name) {
    if (SCRIPT_ELEMENTS.contains(name)) {
      return "có mã lệnh (script)";
    }
    if ("connector".equals(name)) {
      return "gọi dịch vụ bên ngoài (camunda:connector)";
    }
    return "không dùng được phần tử camunda:" + name;
  }

  private static boolean isCamunda(Element element) {
    return isCamunda(element.getNamespaceURI());
  }

  private static boolean isCamunda(String namespace) {
    return namespace != null && CAMUNDA_NAMESPACES.contains(namespace);
  }

  private static boolean isNamespaceDeclaration(Attr attribute) {
    return "http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI());
  }

  private static String localName(Attr attribute) {
    return attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
  }
}
