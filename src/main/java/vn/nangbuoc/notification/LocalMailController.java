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
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.nangbuoc.input.PageController;

/**
 * The demo's mail view: the mails the local SMTP server caught for the signed-in user's address,
 * newest first. Administrators too see only their own: mails name children's cases. A page of the product,
 * behind its one login, so that a link in a mail opens Tasklist without a second one.
 */
@PageController
@ConditionalOnProperty(name = "nangbuoc.mail.local-server.enabled", havingValue = "true")
class LocalMailController {

  private final GreenMail localSmtp;
  private final Recipients recipients;

  LocalMailController(GreenMail localSmtp, Recipients recipients) {
    this.localSmtp = localSmtp;
    this.recipients = recipients;
  }

  /** One caught mail as the page shows it. */
  record CaughtMail(String to, String subject, String text) {
  }

  @GetMapping("/thu")
  String caught(Principal user, Model model) throws MessagingException {
    String address = recipients.addressOf(user.getName()).orElse(null);
    List<CaughtMail> mails = new ArrayList<>();
    for (Message message : localSmtp.getReceivedMessages()) {
      if (address != null && addressedTo(message, address)) {
        mails.add(new CaughtMail(Arrays.toString(message.getAllRecipients()), message.getSubject(),
            plainText(message)));
      }
    }
    Collections.reverse(mails);
    model.addAttribute("mails", mails);
    return "mail/caught";
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
}
