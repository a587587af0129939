package vn.nangbuoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nangbuoc.system.DatabaseChecks.count;
import static vn.nangbuoc.system.DatabaseChecks.strings;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.PostgresTestDatabase;

/**
 * Upgrades a database written by the previous release (src/test/resources/upgrade: a dump of one with
 * children at every step of the pathway, README there) by starting the current application on it, as an
 * office upgrades: its Flyway migrations and the engine's schema update run, and every case carries on.
 * Each open task is where the previous release left it and is completed by the user it is routed to, a
 * follow-up timer is run, until every pathway has ended; each case's page opens; nothing fails.
 */
class UpgradeFromPreviousReleasePostgresIT {

  private static final Path UPGRADE = Path.of("src", "test", "resources", "upgrade");
  /** Every user task of the pathway has a case waiting at it in the dump. */
  private static final List<String> EVERY_TASK = List.of("Task_ReviewListing", "Task_CompleteListing",
      "Task_RecordScreening", "Task_PrepareReferral", "Task_CounselFamily", "Task_ApproveFunding",
      "Task_SeekOtherFunding", "Task_RecordDisbursement", "Task_RecordSurgeryResult", "Task_SettleCosts",
      "Task_ApproveTopUp", "Task_FollowUpVisit", "Task_CloseCase", "Task_ArrangeService");
  private static final String READER = "cvldtbxh";

  private record Case(long id, String name, String pathway, String status, String openTask) {
  }

  @Test
  void shouldCarryOnEveryCaseThePreviousReleaseLeft() throws Exception {
    String url = PostgresTestDatabase.another("upgrade");
    PostgresDumps.restore(UPGRADE.resolve("previous-release.dump"), url);
    System.out.println("Upgrade: from " + Files.readString(UPGRADE.resolve("previous-release.txt")).strip());
    try (Connection db = DriverManager.getConnection(url)) {
      List<String> migrationsBefore = strings(db, "select version from flyway_schema_history where success"
          + " order by installed_rank");
      List<Case> before = cases(db);
      Map<String, Long> waiting = new TreeMap<>();
      before.forEach(c -> waiting.merge(c.status() + " " + (c.openTask() == null ? "-" : c.openTask()), 1L,
          Long::sum));
      System.out.println("Upgrade: the previous release left " + before.size() + " cases: " + waiting);
      assertThat(before.stream().map(Case::openTask)).as("a case at every task").containsAll(EVERY_TASK);
      assertThat(before).as("cases closed, and one waiting on its follow-up timer")
          .anyMatch(c -> c.status().equals("CLOSED")).anyMatch(c -> c.status().equals("ACTIVE")
              && c.openTask() == null);

      GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1",
          ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      try (NodeProcess node = NodeProcess.start(url, smtp.getSmtp().getPort(),
          Path.of("target", "upgrade", "current.log"))) {
        System.out.printf("Upgrade: the current application started on it after %.1f s%n",
            node.awaitHealthy(Duration.ofMinutes(4)));
        List<String> migrations = strings(db, "select version from flyway_schema_history where success"
            + " order by installed_rank");
        assertThat(count(db, "select count(*) from flyway_schema_history where not success")).isZero();
        assertThat(migrations).startsWith(migrationsBefore.toArray(String[]::new))
            .hasSizeGreaterThan(migrationsBefore.size());
        System.out.println("Upgrade: Flyway ran " + migrations.subList(migrationsBefore.size(), migrations.size())
            + "; the engine's schema is " + strings(db, "select version_ from act_ge_schema_log order by"
            + " cast(id_ as integer)") + "; the pathway's definitions " + strings(db, "select version_ || ' (' ||"
            + " (select count(*) from act_ru_execution e where e.proc_def_id_ = d.id_ and e.id_ = e.proc_inst_id_)"
            + " || ' running)' from act_re_procdef d where key_ = 'child-pathway' order by version_"));
        assertThat(count(db, "select count(*) from case_file f where not exists (select 1 from case_fact c"
            + " where c.case_id = f.id)")).as("case files the reports' facts were not filled for").isZero();

        PathwaysOverHttp pathways = new PathwaysOverHttp(node::uri);
        for (Case each : before) {
          assertThat(pathways.openTask(each.pathway()))
              .as(each.name() + " waits where the previous release left it").isEqualTo(each.openTask());
          HttpResponse<String> page = pathways.casePage(each.id(), READER);
          assertThat(page.statusCode()).as("the page of " + each.name()).isEqualTo(200);
          assertThat(page.body()).contains(each.name());
        }
        List<Case> running = before.stream().filter(c -> c.status().equals("ACTIVE")).toList();
        Map<String, List<String>> walked = walkToTheEnd(pathways, running);
        Map<String, String> taken = new TreeMap<>();
        walked.forEach((name, steps) -> taken.put(name, steps.get(0) + " and " + (steps.size() - 1) + " more"));
        System.out.println("Upgrade: the steps each open case took to its end: " + taken);

        assertThat(count(db, "select count(*) from act_ru_execution")).as("pathways still running").isZero();
        assertThat(strings(db, "select full_name || ' ' || status from case_file where status <> 'CLOSED'"))
            .as("case files not closed").isEmpty();
        System.out.println("Upgrade: " + before.size() + " case pages opened, " + running.size()
            + " open cases each completed by its routed users to the end, "
            + walked.values().stream().mapToInt(List::size).sum() + " steps; " + DatabaseChecks.assertConsistent(db));
      } finally {
        smtp.stop();
      }
    }
  }

  private static List<Case> cases(Connection db) {
    return strings(db, "select f.id || '|' || f.full_name || '|' || f.process_instance_id || '|' || f.status"
        + " || '|' || coalesce((select t.task_def_key_ from act_ru_task t where t.proc_inst_id_ ="
        + " f.process_instance_id), '') from case_file f order by f.id").stream().map(row -> row.split("\\|", -1))
        .map(v -> new Case(Long.parseLong(v[0]), v[1], v[2], v[3], v[4].isEmpty() ? null : v[4])).toList();
  }

  /** Walks the open cases to their ends, three at a time as three people would work; their steps by case. */
  private static Map<String, List<String>> walkToTheEnd(PathwaysOverHttp pathways, List<Case> running)
      throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<String>>> walks = new ArrayList<>();
      for (Case each : running) {
        walks.add(people.submit(() -> pathways.walkToEnd(each.pathway(), Duration.ofMinutes(2))));
      }
      Map<String, List<String>> steps = new TreeMap<>();
      for (int i = 0; i < running.size(); i++) {
        steps.put(running.get(i).name(), walks.get(i).get());
      }
      return steps;
    } finally {
      people.shutdown();
    }
  }
}
