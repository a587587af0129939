package vn.nangbuoc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NangBuocApplication {

  public static void main(String[] args) {
    SpringApplication.run(NangBuocApplication.class, args);
  }
}
