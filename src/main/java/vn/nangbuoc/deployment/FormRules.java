package vn.nangbuoc.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a Camunda Form: only components that show text or take input, and no address of
 * anything outside the application. An iframe, an image, an HTML block or a document preview would
 * make Tasklist load (or show as markup) what an outsider chose, in the browser of a caseworker who
 * sees children's data.
 */
class FormRules {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final Set<String> COMPONENTS = Set.of("default", "textfield", "textarea", "number", "datetime",
      "checkbox", "checklist", "radio", "select", "taglist", "text", "group", "dynamiclist", "spacer",
      "separator", "button");

  List<String> problems(byte[] bytes) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (IOException e) {
      return List.of("biểu mẫu không đọc được (cần JSON của Camunda Forms)");
    }
    List<String> problems = new ArrayList<>();
    visit(form, "", problems);
    return problems;
  }

  private static void visit(JsonNode node, String key, List<String> problems) {
    if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null && type.isTextual() && !COMPONENTS.contains(type.asText())) {
        String id = node.path("id").asText(type.asText());
        problems.add(id + ": loại thành phần \"" + type.asText() + "\" không được phép trong biểu mẫu");
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        visit(field.getValue(), field.getKey(), problems);
      }
    } else if (node.isArray()) {
      node.forEach(item -> visit(item, key, problems));
    } else if (node.isTextual() && !"$schema".equals(key) && isAddress(node.asText())) {
      problems.add("biểu mẫu trỏ tới địa chỉ bên ngoài (" + key + ")");
    }
  }

  private static boolean isAddress(String text) {
    return text.contains("://") || text.trim().startsWith("//");
  }
}
