package vn.nangbuoc.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The checks of a DMN file: FEEL only. JUEL (or a script language) in a decision can call any method
 * of any object like a BPMN expression; FEEL cannot, because the engine builds its FEEL engine with
 * external (Java) functions disabled. A table that only changes thresholds, agencies or rules passes.
 * Camunda's own additions are taken from an allow-list, as in {@link BpmnRules}: the three attributes
 * its DMN namespace has (history, version tag, the input's variable name), none of which runs anything.
 */
class DmnRules {

  private static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
      DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

  static final Set<String> CAMUNDA_ATTRIBUTES = Set.of(DmnModelConstants.CAMUNDA_ATTRIBUTE_HISTORY_TIME_TO_LIVE,
      DmnModelConstants.CAMUNDA_ATTRIBUTE_VERSION_TAG, DmnModelConstants.CAMUNDA_ATTRIBUTE_INPUT_VARIABLE);

  List<String> problems(Document document) {
    List<String> problems = new ArrayList<>();
    for (Element element : ModelXml.elements(document)) {
      if (DmnModelConstants.CAMUNDA_NS.equals(element.getNamespaceURI())) {
        problems.add(Where.of(element) + ": không dùng được phần tử camunda:" + element.getLocalName());
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        if (DmnModelConstants.CAMUNDA_NS.equals(attribute.getNamespaceURI()) && !CAMUNDA_ATTRIBUTES.contains(name)) {
          problems.add(Where.of(element) + ": không dùng được camunda:" + name
              + " (chỉ nhận các thuộc tính Camunda mà bảng quyết định của Nâng Bước dùng)");
          continue;
        }
        if ("expressionLanguage".equals(name) && !isFeel(attribute.getValue())) {
          problems.add(Where.of(element) + ": chỉ dùng FEEL, không dùng ngôn ngữ biểu thức \""
              + attribute.getValue() + "\"");
        }
        if ("resource".equals(name) || "class".equals(name)) {
          problems.add(Where.of(element) + ": dùng tệp hoặc lớp Java ngoài bản triển khai");
        }
      }
    }
    return problems;
  }

  private static boolean isFeel(String language) {
    return FEEL.contains(language) || FEEL.contains(language.trim().toLowerCase(Locale.ROOT));
  }
}
