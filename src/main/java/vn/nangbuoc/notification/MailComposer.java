package vn.nangbuoc.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders mails from Thymeleaf templates an operator can edit: for each kind, {@code <kind>.subject.txt},
 * {@code <kind>.txt} (plain text) and {@code <kind>.html}, in the folder nangbuoc.mail.templates.
 */
@Component
class MailComposer {

  private final TemplateEngine text = new SpringTemplateEngine();
  private final TemplateEngine html = new SpringTemplateEngine();

  MailComposer(MailSettings settings, ApplicationContext context) {
    text.setTemplateResolver(resolver(settings, context, TemplateMode.TEXT));
    html.setTemplateResolver(resolver(settings, context, TemplateMode.HTML));
  }

  private static SpringResourceTemplateResolver resolver(MailSettings settings, ApplicationContext context,
      TemplateMode mode) {
    SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
    resolver.setApplicationContext(context);
    resolver.setPrefix(settings.templates());
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    return resolver;
  }

  Mail compose(String kind, Recipient to, Map<String, Object> model) {
    Context context = new Context(Locale.forLanguageTag("vi-VN"), model);
    context.setVariable("recipientName", to.fullName());
    String subject = text.process(kind + ".subject.txt", context).strip();
    return new Mail(kind, to.userId(), to.email(), subject, text.process(kind + ".txt", context),
        html.process(kind + ".html", context));
  }
}
