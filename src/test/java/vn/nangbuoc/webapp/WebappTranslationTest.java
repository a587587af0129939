package vn.nangbuoc.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese locales of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) cover exactly the
 * keys of the English locales shipped in the webjar, keep their placeholders, links and markup, and are
 * actually translated; each app's config.js offers Vietnamese first.
 *
 * <p>When Camunda is upgraded, this test names the keys that the new webjar added (missing) or dropped
 * (stale), so that {@code vi.json} can follow.
 */
class WebappTranslationTest {

  private static final String WEBJAR = "camunda-webapp-webjar";
  private static final Path PROJECT_WEBAPPS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code import x from '...'} and {@code export ... from '...'}: the module named is read too. */
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(?:import|export)\\b[^;]*?\\bfrom\\s*'([^']+)'");

  /** Angular interpolations: {{name}}, {{ count }}, and the {} of Cockpit's pluralisation strings. */
  private static final Pattern INTERPOLATION = Pattern.compile("\\{\\{.*?}}|\\{}");
  /** moment.js substitutions in dateLocales.relativeTime. */
  private static final Pattern MOMENT_SUBSTITUTION = Pattern.compile("%[sd]");
  /** HTML markup that the webapps render (links must keep their href); "<null>"-like values are not markup. */
  private static final Pattern MARKUP = Pattern.compile("</?(?:a|b|br|code|em|i|span|strong)\\b[^>]*>");

  /**
   * Values that stay the same in Vietnamese: proper names, date and time patterns, comparison symbols.
   * Everything else must differ from the English text.
   */
  private static final Set<String> SAME_AS_ENGLISH = Set.of(
      "Camunda", "Optimize",
      "L", "HH:mm", "DD/MM/YYYY", "YYYY-MM-DDTHH:mm:ss",
      "<", "<=", ">", ">=");

  /**
   * English plural suffix "s" appended to "instance" by Cockpit's batch, migration and modification
   * dialogs. Vietnamese nouns have no plural form, so these stay empty.
   */
  private static final Set<String> INTENTIONALLY_EMPTY = Set.of(
      "labels.PLGN_BATCH_S", "labels.PLGN_MIG_S", "labels.PLGN_MOD_DIALOG_S", "labels.PLGN_MOD_RESTART_DIALOG_S");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldTranslateExactlyTheShippedKeys(String app) throws IOException {
    Map<String, JsonNode> english = flatten(shippedEnglish(app));
    Map<String, JsonNode> vietnamese = flatten(projectVietnamese(app));

    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(vietnamese.keySet());
    Set<String> stale = new TreeSet<>(vietnamese.keySet());
    stale.removeAll(english.keySet());

    assertSoftly(softly -> {
      softly.assertThat(missing).as("%s: keys of the shipped en.json missing from vi.json", app).isEmpty();
      softly.assertThat(stale).as("%s: stale keys of vi.json, no longer in the shipped en.json", app).isEmpty();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldGiveEveryKeyAVietnameseValue(String app) throws IOException {
    Map<String, JsonNode> english = flatten(shippedEnglish(app));
    Map<String, JsonNode> vietnamese = flatten(projectVietnamese(app));

    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode vi = vietnamese.get(key);
      if (vi == null) {
        return; // reported by shouldTranslateExactlyTheShippedKeys
      }
      if (!en.isTextual()) {
        if (!en.equals(vi)) {
          problems.add(key + ": expected the shipped value " + en + " but was " + vi);
        }
        return;
      }
      if (!vi.isTextual()) {
        problems.add(key + ": expected text but was " + vi);
        return;
      }
      String enText = en.asText();
      String viText = vi.asText();
      if (!enText.isBlank() && viText.isBlank() && !INTENTIONALLY_EMPTY.contains(key)) {
        problems.add(key + ": empty, English is \"" + enText + "\"");
      }
      if (!enText.isBlank() && viText.equals(enText) && !SAME_AS_ENGLISH.contains(enText)) {
        problems.add(key + ": not translated: \"" + enText + "\"");
      }
    });
    assertThat(problems).as("%s: values of vi.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldKeepPlaceholdersAndMarkup(String app) throws IOException {
    Map<String, JsonNode> english = flatten(shippedEnglish(app));
    Map<String, JsonNode> vietnamese = flatten(projectVietnamese(app));

    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode vi = vietnamese.get(key);
      if (!en.isTextual() || vi == null || !vi.isTextual()) {
        return;
      }
      compare(key, "placeholders", tokens(INTERPOLATION, en.asText()), tokens(INTERPOLATION, vi.asText()), problems);
      compare(key, "moment substitutions", tokens(MOMENT_SUBSTITUTION, en.asText()),
          tokens(MOMENT_SUBSTITUTION, vi.asText()), problems);
      compare(key, "markup", tokens(MARKUP, en.asText()), tokens(MARKUP, vi.asText()), problems);
    });
    assertThat(problems).as("%s: placeholders and markup of vi.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void shouldShowDatesDayFirst(String app) throws IOException {
    JsonNode formats = projectVietnamese(app).path("dateLocales").path("longDateFormat");

    assertThat(formats.path("L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(formats.path("LL").asText()).startsWith("DD/MM/YYYY");
    assertThat(formats.path("LLL").asText()).isEqualTo("DD/MM/YYYY HH:mm");
    assertThat(formats.path("LLLL").asText()).endsWith("DD/MM/YYYY HH:mm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldOfferVietnameseFirst(String app) throws IOException {
    String config = withoutComments(withImports(PROJECT_WEBAPPS.resolve(app).resolve("scripts/config.js")));

    assertThat(config).as("%s: config.js", app)
        .containsPattern("availableLocales\\s*:\\s*\\[\\s*['\"]vi['\"]\\s*,\\s*['\"]en['\"]\\s*]")
        .containsPattern("fallbackLocale\\s*:\\s*['\"]vi['\"]")
        .containsPattern("name\\s*:\\s*['\"]Nâng Bước['\"]");
  }

  /** The en.json of the Camunda webjar, even if a project copy with the same path were on the classpath. */
  private static JsonNode shippedEnglish(String app) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
    List<URL> candidates = Collections.list(WebappTranslationTest.class.getClassLoader().getResources(path));
    URL shipped = candidates.stream()
        .filter(url -> "jar".equals(url.getProtocol()) && url.getPath().contains(WEBJAR))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + path + " in the " + WEBJAR + " among " + candidates));
    try (InputStream in = shipped.openStream()) {
      return JSON.readTree(in); // Jackson skips the byte order mark the shipped files start with
    }
  }

  private static JsonNode projectVietnamese(String app) throws IOException {
    Path file = PROJECT_WEBAPPS.resolve(app).resolve("locales/vi.json");
    assertThat(file).as("Vietnamese locale of %s", app).isRegularFile();
    try (InputStream in = Files.newInputStream(file)) {
      return JSON.readTree(in);
    }
  }

  /** Dotted key paths to leaf values; array elements get their index: dateLocales.months[0]. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found.stream().sorted().collect(Collectors.toList());
  }

  private static void compare(String key, String what, List<String> en, List<String> vi, List<String> problems) {
    if (!en.equals(vi)) {
      problems.add(key + ": " + what + " " + vi + " instead of " + en);
    }
  }

  /** A module's text followed by the text of the modules it imports, found beside it as the browser would. */
  static String withImports(Path module) throws IOException {
    String script = Files.readString(module, StandardCharsets.UTF_8);
    StringBuilder all = new StringBuilder(script);
    Matcher imported = IMPORT.matcher(withoutComments(script));
    while (imported.find()) {
      all.append('\n').append(withImports(module.resolveSibling(imported.group(1)).normalize()));
    }
    return all.toString();
  }

  private static String withoutComments(String script) {
    return script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }
}
