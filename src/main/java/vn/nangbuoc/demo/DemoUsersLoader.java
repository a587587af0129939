package vn.nangbuoc.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.Fund;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.notification.DeliveryMode;
import vn.nangbuoc.notification.Notifications;
import vn.nangbuoc.system.EngineTime;

/**
 * Creates the demo users of the file {@code nangbuoc.demo.users-file} names (one per demo organisation) once;
 * an existing user is left as it is (its password may have been changed).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "nangbuoc.demo.enabled", havingValue = "true")
class DemoUsersLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsersLoader.class);

  static final String DEMO_PASSWORD = "demo123";
  static final long OPENING_BUDGET = 500_000_000;

  record DemoUsers(List<DemoUser> users) {
  }

  record DemoUser(String id, String firstName, String lastName, String role, List<String> groups) {
  }

  private final IdentityService identityService;
  private final Notifications notifications;
  private final FundBooks books;
  private final FundLedger ledger;
  private final Resource usersFile;
  private final String password;
  private final String loginUrl;

  DemoUsersLoader(IdentityService identityService, Notifications notifications, FundBooks books, FundLedger ledger,
      @Value("${nangbuoc.demo.users-file}") Resource usersFile,
      @Value("${nangbuoc.demo.password:" + DEMO_PASSWORD + "}") String password,
      @Value("${nangbuoc.demo.login-url:http://localhost:${server.port:8080}/camunda/app/tasklist/}") String loginUrl) {
    this.identityService = identityService;
    this.notifications = notifications;
    this.books = books;
    this.ledger = ledger;
    this.usersFile = usersFile;
    this.password = password;
    this.loginUrl = loginUrl;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    ensureGroup(Groups.CAMUNDA_ADMIN, "Quản trị hệ thống", Groups.GROUP_TYPE_SYSTEM);
    int created = 0;
    for (DemoUser demoUser : read().users()) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.id() + "@demo.nangbuoc.vn");
        user.setPassword(password);
        identityService.saveUser(user);
        demoUser.groups().forEach(groupId -> identityService.createMembership(demoUser.id(), groupId));
        // in the demo, mail shows in the mail view at once instead of in tomorrow's digest
        notifications.choose(demoUser.id(), DeliveryMode.IMMEDIATE);
        created++;
      }
    }
    openingBalances();
    log.info("Demo users of {} ready ({} created). Log in at {} (password of every demo user: see README)",
        usersFile.getFilename(), created, loginUrl);
  }

  /** The demo's funds start with a year's budget allocation, once. */
  private void openingBalances() {
    for (Fund fund : books.funds()) {
      if (!books.hasEntries(fund.id())) {
        ledger.receive(fund.id(), ReceiptKind.BUDGET, OPENING_BUDGET, null, null, EngineTime.today(), "quantri");
      }
    }
  }

  private DemoUsers read() throws IOException {
    try (InputStream in = usersFile.getInputStream()) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, DemoUsers.class);
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }
}
