package vn.nangbuoc.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A request to the product's JSON API as a demo user (HTTP Basic, the demo password), as scripts send them. */
final class DemoUserRequests {

  static final String PASSWORD = "demo123";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoUserRequests() {
  }

  /** {@code body} is written as JSON; {@code null} sends no body. */
  static HttpRequest.Builder asUser(URI uri, String user, String method, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8)));
    try {
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return body == null ? request : request.header("Content-Type", "application/json");
  }
}
