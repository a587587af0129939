package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocApplication;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Two application nodes, each with its own engine, on one PostgreSQL database and one SMTP server:
 * while both send the shared outbox at the same time, no mail goes out twice and none is left.
 */
@NangBuocPostgresTest
class TwoNodesShareTheOutboxPostgresIT {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  Recipients recipients;
  @Autowired
  OutboxSender firstNode;
  @Autowired
  GreenMail smtp;
  @Autowired
  JdbcTemplate jdbc;
  @Value("${spring.datasource.url}")
  String databaseUrl;

  ConfigurableApplicationContext secondNode;

  @AfterEach
  void stopSecondNode() {
    if (secondNode != null) {
      secondNode.close();
    }
  }

  @Test
  void shouldSendEachMailOnceWhenTwoNodesSendTheSameOutbox() throws Exception {
    secondNode = new SpringApplicationBuilder(NangBuocApplication.class)
        .profiles("test", "postgres")
        // the second node runs engine and mail without web server: the webapps keep static state per JVM
        .web(WebApplicationType.NONE)
        // as arguments, which outrank the profile files (config/application-postgres.yaml names its own database)
        .run("--spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
            "--spring.datasource.password=", "--camunda.bpm.process-engine-name=node2",
            "--nangbuoc.mail.local-server.enabled=false", "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtp.getSmtp().getPort(),
            "--spring.mail.properties.mail.smtp.starttls.enable=false");
    OutboxSender otherNode = secondNode.getBean(OutboxSender.class);
    firstNode.sendDue();
    int before = smtp.getReceivedMessages().length;
    recipients.choose("cvldtbxh", DeliveryMode.IMMEDIATE);
    recipients.choose("tpldtbxh", DeliveryMode.IMMEDIATE);
    PathwayDriver driver = new PathwayDriver(engine, listing);
    for (int i = 0; i < 20; i++) {
      driver.listEligibleChild();
    }
    long written = jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Long.class);
    assertThat(written).isGreaterThanOrEqualTo(40);

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> sendAll = List.of(() -> drain(firstNode), () -> drain(otherNode));
      int sent = 0;
      for (Future<Integer> node : nodes.invokeAll(sendAll)) {
        sent += node.get();
      }
      assertThat(sent).isEqualTo(written);
    } finally {
      nodes.shutdown();
    }

    List<String> keys = new ArrayList<>();
    for (MimeMessage mail
        : Arrays.asList(smtp.getReceivedMessages()).subList(before, smtp.getReceivedMessages().length)) {
      keys.add(dedupKey(mail));
    }
    assertThat(keys).hasSize((int) written).doesNotHaveDuplicates();
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where status <> 'SENT'", Long.class)).isZero();
  }

  private static int drain(OutboxSender node) {
    int sent = 0;
    for (int round = 0; round < 20; round++) {
      sent += node.sendDue();
    }
    return sent;
  }

  private static String dedupKey(MimeMessage mail) {
    try {
      return mail.getHeader("X-NangBuoc-Mail")[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
