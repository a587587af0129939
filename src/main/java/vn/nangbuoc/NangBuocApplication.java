package vn.nangbuoc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.session.SessionAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// Spring Boot would keep every session in the database as soon as Spring Session JDBC is on the class
// path; here that is a choice (nangbuoc.sessions.store, see security.SharedSessions)
@SpringBootApplication(exclude = SessionAutoConfiguration.class)
@ConfigurationPropertiesScan
public class NangBuocApplication {

  public static void main(String[] args) {
    SpringApplication.run(NangBuocApplication.class, args);
  }
}
