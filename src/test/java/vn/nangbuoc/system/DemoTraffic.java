package vn.nangbuoc.system;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo users' requests to the application nodes as a load balancer without sticky sessions sends
 * them: round robin over the nodes in service (a node its health check took out gets nothing). Each
 * request is counted, and each that failed by its status, or as "no answer" when the connection failed
 * or timed out, so that the fault suite can say what the users saw.
 */
final class DemoTraffic {

  static final String PASSWORD = "demo123";
  static final ObjectMapper JSON = new ObjectMapper();
  static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
  };
  static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
  };
  static final String NO_ANSWER = "no answer";

  /** An answer; {@code status} 0 when none came. */
  record Answer(int status, String body) {

    boolean is(int expected) {
      return status == expected;
    }

    <T> T read(TypeReference<T> type) {
      try {
        return JSON.readValue(body, type);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<NodeProcess> inService = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

  DemoTraffic(List<NodeProcess> nodes) {
    inService.addAll(nodes);
  }

  /** The balancer's health check found the node gone: no more requests go to it. */
  void takeOut(NodeProcess node) {
    inService.remove(node);
  }

  List<NodeProcess> inService() {
    return List.copyOf(inService);
  }

  Answer send(String method, String path, String user, Object body) {
    return send(nextNode(), method, path, user, body);
  }

  /** One request to one node, counted like the others. */
  Answer send(NodeProcess node, String method, String path, String user, Object body) {
    requests.incrementAndGet();
    HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("Authorization", basic(user));
    try {
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        failed(String.valueOf(response.statusCode()));
      }
      return new Answer(response.statusCode(), response.body());
    } catch (IOException noAnswer) {
      failed(NO_ANSWER);
      return new Answer(0, noAnswer.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether the node serves a user again: a task list read, outside the users' count (the suite's own
   * probe while it measures the recovery).
   */
  boolean serves(NodeProcess node) {
    HttpRequest probe = HttpRequest.newBuilder(node.uri("/engine-rest/task?firstResult=0&maxResults=1"))
        .timeout(Duration.ofSeconds(20)).header("Accept", "application/json")
        .header("Authorization", basic("cvldtbxh")).GET().build();
    try {
      return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private void failed(String status) {
    failures.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
  }

  private NodeProcess nextNode() {
    List<NodeProcess> nodes = List.copyOf(inService);
    return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
  }

  /** Requests and failures by status since the last call, and starts counting anew. */
  Tally takeTally() {
    Map<String, Integer> byStatus = new TreeMap<>();
    failures.forEach((status, count) -> byStatus.put(status, count.getAndSet(0)));
    byStatus.values().removeIf(count -> count == 0);
    return new Tally(requests.getAndSet(0), byStatus);
  }

  /** What the users sent and what failed, by status. */
  record Tally(long requests, Map<String, Integer> failures) {

    String failuresText() {
      if (failures.isEmpty()) {
        return "none";
      }
      StringBuilder text = new StringBuilder();
      failures.forEach((status, count) -> text.append(text.isEmpty() ? "" : ", ").append(status).append(": ")
          .append(count));
      return text.toString();
    }
  }
}
