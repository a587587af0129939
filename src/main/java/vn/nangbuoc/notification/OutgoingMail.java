package vn.nangbuoc.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One outbox row as it goes to the SMTP server: the same Message-ID on every try (derived from the
 * row's unique key), so a second copy after a doubtful try can be recognised and dropped; and it
 * knows whether its whole text was handed over, which tells a failure before the server had the
 * mail from one after it (only the server's answer was lost).
 */
final class OutgoingMail extends MimeMessage {

  private final String messageId;
  private volatile boolean handedOver;

  OutgoingMail(MimeMessage composed, String dedupKey, String fromAddress) throws MessagingException {
    super(composed);
    this.messageId = messageId(dedupKey, fromAddress);
  }

  /** {@code <nb.HASH@domain-of-sender>}: the key itself may name a task or a user, the hash names nothing. */
  static String messageId(String dedupKey, String fromAddress) {
    int at = fromAddress == null ? -1 : fromAddress.lastIndexOf('@');
    String domain = at < 0 ? "nangbuoc.local" : fromAddress.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
      return "<nb." + HexFormat.of().formatHex(hash, 0, 16) + "@"
          + (domain.isEmpty() ? "nangbuoc.local" : domain) + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    // Jakarta Mail makes a new random id at every saveChanges(), i.e. at every try
    setHeader("Message-ID", messageId);
  }

  @Override
  public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException, MessagingException {
    super.writeTo(out, ignoreHeaders);
    handedOver = true;
  }

  /** The transport wrote the whole mail to the server: a failure after this may hide a delivery. */
  boolean handedOver() {
    return handedOver;
  }
}
