package vn.nangbuoc.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.WebappSession;

/**
 * Each webapp's config.js takes the shared settings from a module beside the apps: the server must hand
 * that module out where the browser resolves the import, or the app loads no configuration at all and
 * shows "Camunda" in English.
 */
@NangBuocSpringTest
class WebappConfigServedTest {

  private static final Pattern IMPORT = Pattern.compile("\\bfrom\\s*'([^']+)'");

  @Autowired
  TestRestTemplate http;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void shouldServeTheSharedSettingsWhereTheConfigImportsThem(String app) {
    URI config = URI.create("/camunda/app/" + app + "/scripts/config.js");
    WebappSession session = WebappSession.signIn(http, "quantri");
    ResponseEntity<String> own = session.get(http, config.toString(), String.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);

    Matcher imported = IMPORT.matcher(own.getBody());
    assertThat(imported.find()).as("%s imports the shared settings", config).isTrue();
    ResponseEntity<String> shared = session.get(http, config.resolve(imported.group(1)).toString(), String.class);

    assertThat(shared.getStatusCode()).as(config.resolve(imported.group(1)).toString()).isEqualTo(HttpStatus.OK);
    assertThat(shared.getHeaders().getContentType()).hasToString("text/javascript");
    assertThat(shared.getBody()).contains("name: 'Nâng Bước'").contains("fallbackLocale: 'vi'");
  }
}
