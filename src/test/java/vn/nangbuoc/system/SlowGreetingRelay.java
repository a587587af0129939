package vn.nangbuoc.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A relay in front of an SMTP server that passes its greeting on late, as a slow relay does (one
 * that scans or queues): a node sending through it holds the mail it claimed for that long before
 * anything of it leaves, so a test can kill the node while it holds one. The delay can change while it
 * runs (the fault suite makes its server slow for a while); while the server is down, the relay takes
 * each connection and closes it at once, as a relay whose next hop is away does.
 */
final class SlowGreetingRelay implements AutoCloseable {

  private final ServerSocket listener;
  private volatile Duration delay;

  private SlowGreetingRelay(ServerSocket listener, Duration delay) {
    this.listener = listener;
    this.delay = delay;
  }

  static SlowGreetingRelay to(int smtpPort, Duration delay) throws IOException {
    SlowGreetingRelay relay = new SlowGreetingRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), delay);
    Thread accepting = new Thread(() -> relay.accept(smtpPort), "slow-smtp-relay");
    accepting.setDaemon(true);
    accepting.start();
    return relay;
  }

  int port() {
    return listener.getLocalPort();
  }

  /** How late the greeting of each connection from now on is passed on. */
  void delay(Duration delay) {
    this.delay = delay;
  }

  private void accept(int smtpPort) {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException closed) {
        return;
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), smtpPort);
        pipe(server, client, delay);
        pipe(client, server, Duration.ZERO);
      } catch (IOException serverDown) {
        closeQuietly(client);
      }
    }
  }

  private static void pipe(Socket from, Socket to, Duration firstBytesLate) {
    Thread copying = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        byte[] buffer = new byte[8192];
        boolean first = true;
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (first) {
            Thread.sleep(firstBytesLate.toMillis());
            first = false;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException ended) {
        // one side closed: close both
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "slow-smtp-relay-pipe");
    copying.setDaemon(true);
    copying.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
