package vn.nangbuoc.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail catcher of the demo run: an SMTP server inside the application (GreenMail) that keeps
 * every mail, shown at /thu (LocalMailController). Off in production, where spring.mail.* names the real server.
 */
@Configuration
@ConditionalOnProperty(name = "nangbuoc.mail.local-server.enabled", havingValue = "true")
class LocalMailServer {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail localSmtp(@Value("${nangbuoc.mail.local-server.port:3025}") int port) {
    ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    return new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
  }

  /** Talks to the local server, wherever it listens (port 0 in tests picks a free one). */
  @Bean
  JavaMailSenderImpl mailSender(GreenMail localSmtp) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl() {
      @Override
      public String getHost() {
        return "127.0.0.1";
      }

      @Override
      public int getPort() {
        return localSmtp.getSmtp().getPort();
      }
    };
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "5000");
    properties.put("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(properties);
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }
}
