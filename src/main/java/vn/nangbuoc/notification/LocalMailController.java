package vn.nangbuoc.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo's mail view: the mails the local SMTP server caught for the signed-in user's address,
 * newest first. Administrators too see only their own: mails name children's cases.
 */
@RestController
@ConditionalOnProperty(name = "nangbuoc.mail.local-server.enabled", havingValue = "true")
class LocalMailController {

  private final GreenMail localSmtp;
  private final Recipients recipients;

  LocalMailController(GreenMail localSmtp, Recipients recipients) {
    this.localSmtp = localSmtp;
    this.recipients = recipients;
  }

  @GetMapping(value = "/api/dev/mail", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  String caught(Principal user) throws MessagingException {
    String address = recipients.addressOf(user.getName()).orElse(null);
    List<Message> messages = new ArrayList<>();
    for (Message message : localSmtp.getReceivedMessages()) {
      if (address != null && addressedTo(message, address)) {
        messages.add(message);
      }
    }
    Collections.reverse(messages);
    StringBuilder page = new StringBuilder("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">"
        + "<title>Thư đã gửi (máy chủ thư thử nghiệm)</title><body style=\"font-family:sans-serif;max-width:60em\">"
        + "<h1>Thư đã gửi</h1><p>" + messages.size() + " thư, mới nhất trước.</p>");
    for (Message message : messages) {
      page.append("<hr><p><b>Đến:</b> ").append(escape(Arrays.toString(message.getAllRecipients())))
          .append("<br><b>Tiêu đề:</b> ").append(escape(message.getSubject()))
          .append("</p><pre style=\"white-space:pre-wrap\">").append(escape(plainText(message)))
          .append("</pre>");
    }
    return page.append("</body></html>").toString();
  }

  private static boolean addressedTo(Message message, String address) throws MessagingException {
    Address[] to = message.getAllRecipients();
    return to != null && Arrays.stream(to).anyMatch(a -> a instanceof InternetAddress internet
        && address.equalsIgnoreCase(internet.getAddress()));
  }

  /** The plain-text part a person reads; the HTML part says the same. */
  static String plainText(Part part) throws MessagingException {
    try {
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          String text = plainText(multipart.getBodyPart(i));
          if (text != null) {
            return text;
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw new MessagingException("Mail content unreadable", e);
    }
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }
}
