package vn.nangbuoc.system;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A GreenMail SMTP server on one port that can be stopped (an outage: connections refused) and
 * started again, remembering every mail it received before: GreenMail forgets its mails when it stops.
 * What the fault suite needs of a mail is its outbox key (X-NangBuoc-Mail) and its Message-ID.
 */
final class RestartableSmtpServer implements AutoCloseable {

  /** One mail as it arrived. */
  record Received(String key, String messageId) {
  }

  private final int port;
  private final List<Received> beforeRestarts = new ArrayList<>();
  private GreenMail server;

  RestartableSmtpServer(int port) {
    this.port = port;
  }

  int port() {
    return port;
  }

  synchronized void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  /** Stops listening; what it had received is kept. */
  synchronized void stop() {
    Managers received = server.getManagers();
    server.stop();
    for (StoredMessage mail : received.getImapHostManager().getAllMessages()) {
      beforeRestarts.add(received(mail.getMimeMessage()));
    }
    server = null;
  }

  /** Every mail received since the first start, across restarts. */
  synchronized List<Received> received() {
    List<Received> all = new ArrayList<>(beforeRestarts);
    if (server != null) {
      for (MimeMessage mail : server.getReceivedMessages()) {
        all.add(received(mail));
      }
    }
    return all;
  }

  /** How many mails it received since the first start. */
  synchronized int count() {
    return beforeRestarts.size() + (server == null ? 0 : server.getManagers().getImapHostManager().getAllMessages()
        .size());
  }

  private static Received received(MimeMessage mail) {
    return new Received(header(mail, "X-NangBuoc-Mail"), header(mail, "Message-ID"));
  }

  private static String header(MimeMessage mail, String name) {
    try {
      String[] values = mail.getHeader(name);
      return values == null ? null : values[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
    }
  }
}
