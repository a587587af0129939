package vn.nangbuoc.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a whole batch of the outbox: a busy office writes mail faster than a
 * connection (and TLS handshake) per mail can send it. Reconnects after a failure, which leaves the
 * connection in an unknown state.
 */
final class SmtpConnection implements AutoCloseable {

  /** The server could not be reached at all: nothing of the mail left this node. */
  static final class Unreachable extends Exception {
    Unreachable(Exception cause) {
      super(cause);
    }
  }

  private final JavaMailSender sender;
  private Transport transport;

  SmtpConnection(JavaMailSender sender) {
    this.sender = sender;
  }

  void send(MimeMessage mail) throws MessagingException, Unreachable {
    if (!(sender instanceof JavaMailSenderImpl impl)) {
      sendAlone(mail);
      return;
    }
    if (transport == null || !transport.isConnected()) {
      transport = connect(impl);
    }
    try {
      mail.saveChanges();
      transport.sendMessage(mail, mail.getAllRecipients());
    } catch (MessagingException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private static Transport connect(JavaMailSenderImpl impl) throws Unreachable {
    try {
      Transport transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
      // as JavaMailSenderImpl does: an empty user name (no authentication configured) is none
      String user = impl.getUsername() == null || impl.getUsername().isEmpty() ? null : impl.getUsername();
      transport.connect(impl.getHost(), impl.getPort(), user, user == null ? null : impl.getPassword());
      return transport;
    } catch (MessagingException e) {
      throw new Unreachable(e);
    }
  }

  /** Another kind of sender (none in the application): one connection per mail, its failures unwrapped. */
  private void sendAlone(MimeMessage mail) throws MessagingException {
    try {
      mail.saveChanges();
      sender.send(mail);
    } catch (MailSendException e) {
      Exception failure = e.getFailedMessages().values().stream().findFirst().orElse(e);
      throw failure instanceof MessagingException messaging ? messaging : new MessagingException(e.getMessage(), e);
    } catch (MailException e) {
      throw new MessagingException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // the connection is gone either way
      }
      transport = null;
    }
  }
}
