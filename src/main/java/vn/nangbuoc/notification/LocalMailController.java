package vn.nangbuoc.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The demo's mail view: every mail the local SMTP server caught, newest first. */
@RestController
@ConditionalOnProperty(name = "nangbuoc.mail.local-server.enabled", havingValue = "true")
class LocalMailController {

  private final GreenMail localSmtp;

  LocalMailController(GreenMail localSmtp) {
    this.localSmtp = localSmtp;
  }

  @GetMapping(value = "/api/dev/mail", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  String caught() throws MessagingException {
    List<Message> messages = new ArrayList<>(Arrays.asList(localSmtp.getReceivedMessages()));
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
