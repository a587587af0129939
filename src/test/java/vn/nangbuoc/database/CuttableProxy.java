package vn.nangbuoc.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of the test's PostgreSQL that a test can cut and restore: the
 * database "goes away" for the application behind it (connections break, new ones are refused)
 * without stopping a server the test did not start.
 */
final class CuttableProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  private CuttableProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.port = first.getLocalPort();
    listen(first);
  }

  static CuttableProxy to(String host, int port) throws IOException {
    return new CuttableProxy(host, port);
  }

  int port() {
    return port;
  }

  /** Every open connection breaks and new ones are refused, as when the server stops. */
  synchronized void cut() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  synchronized void restore() throws IOException {
    ServerSocket again = new ServerSocket();
    again.setReuseAddress(true);
    again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listen(again);
  }

  private void listen(ServerSocket socket) {
    listener = socket;
    Thread accepting = new Thread(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          Socket server = new Socket(targetHost, targetPort);
          open.add(client);
          open.add(server);
          pump(client, server);
          pump(server, client);
        } catch (IOException closed) {
          return;
        }
      }
    }, "cuttable-proxy-accept");
    accepting.setDaemon(true);
    accepting.start();
  }

  private static void pump(Socket from, Socket to) {
    Thread copying = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException broken) {
        // one side closed: close the other too
      }
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // already closed
      }
    }, "cuttable-proxy-pump");
    copying.setDaemon(true);
    copying.start();
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
