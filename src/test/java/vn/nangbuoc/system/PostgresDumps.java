package vn.nangbuoc.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own backup tools, as docs/backup-and-restore.md has an operator run them: {@code pg_dump} of
 * the whole database in its custom format and {@code pg_restore} of it into an empty database. The tools
 * of the server's version (/usr/lib/postgresql/15/bin on this machine) come first, then those on the PATH.
 */
final class PostgresDumps {

  private static final Path SERVER_TOOLS = Path.of("/usr/lib/postgresql/15/bin");

  private PostgresDumps() {
  }

  /** One consistent snapshot of the whole database at {@code jdbcUrl}, taken while it is in use. */
  static void dump(String jdbcUrl, Path file) throws IOException, InterruptedException {
    run(List.of(tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file=" + file,
        "--dbname=" + libpq(jdbcUrl)));
  }

  /** Restores {@code file} into the empty database at {@code jdbcUrl}, in one transaction: all of it or nothing. */
  static void restore(Path file, String jdbcUrl) throws IOException, InterruptedException {
    run(List.of(tool("pg_restore"), "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
        "--dbname=" + libpq(jdbcUrl), file.toString()));
  }

  /** jdbc:postgresql://host:port/name?user=postgres is, without its prefix, a connection URI libpq reads. */
  private static String libpq(String jdbcUrl) {
    return jdbcUrl.substring("jdbc:".length());
  }

  private static String tool(String name) {
    Path ofTheServer = SERVER_TOOLS.resolve(name);
    return Files.isExecutable(ofTheServer) ? ofTheServer.toString() : name;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }
}
