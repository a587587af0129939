package vn.nangbuoc.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A query's result read as a stream ({@code jdbc.sql(..).query(..).stream()}, {@code queryForStream}) keeps its
 * connection until the stream is closed; outside a transaction nothing closes it, and each call takes a connection
 * from the pool for good (a unit report's form did, until the pool of 10 was empty and every request waited). The
 * product's code reads lists instead, or closes the stream in a try-with-resources.
 */
class OpenResultStreamsTest {

  /** {@code .query(...)} with arguments of one level of parentheses, then {@code .stream()}. */
  private static final Pattern QUERY_STREAM =
      Pattern.compile("\\.query\\((?:[^;()]|\\([^;()]*\\))*\\)\\s*\\.stream\\(\\)");
  private static final Pattern QUERY_FOR_STREAM = Pattern.compile("queryForStream\\(");
  private static final Pattern CLOSED = Pattern.compile("try\\s*\\(\\s*Stream<");

  @Test
  void shouldNeverLeaveAQueryResultStreamOpen() throws IOException {
    List<String> open;
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      open = sources.filter(path -> path.toString().endsWith(".java")).filter(OpenResultStreamsTest::leaves)
          .map(Path::toString).toList();
    }
    assertThat(open).as("sources that stream a query's result without closing it").isEmpty();
  }

  @Test
  void shouldFindTheSpellingsOfAnOpenStream() {
    assertThat(leaves("jdbc.sql(q).param(id)\n    .query(this::version).stream().findFirst();")).isTrue();
    assertThat(leaves("template.queryForStream(q, mapper).findFirst();")).isTrue();
    assertThat(leaves("jdbc.sql(q).query(Long.class).list().stream().map(f).toList();")).isFalse();
  }

  private static boolean leaves(Path source) {
    try {
      return leaves(Files.readString(source));
    } catch (IOException e) {
      throw new IllegalStateException(source.toString(), e);
    }
  }

  private static boolean leaves(String text) {
    boolean streams = QUERY_STREAM.matcher(text).find() || QUERY_FOR_STREAM.matcher(text).find();
    return streams && !CLOSED.matcher(text).find();
  }
}
