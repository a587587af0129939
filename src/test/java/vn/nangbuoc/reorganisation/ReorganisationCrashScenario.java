package vn.nangbuoc.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.fund.FundReceipts;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.notification.DeliveryMode;
import vn.nangbuoc.notification.Notifications;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * A crash in the middle of a batch, then a resume, leaves the city as an apply that ran through: two copies of the
 * 2024 city take the same cases to the same steps; one applies the ready change set in one go; in the other the
 * database kills the apply's transaction at a chosen insert of a task's candidate group (a trigger, made for the
 * test, that fails once), in the middle of a batch, and the apply is resumed. Everything the apply touches (case
 * files and their timelines, open tasks, their candidates and history, rights, memberships, funds and ledger,
 * agencies, the recorded change, mails) is then the same in both, by case number, and a second apply changes
 * nothing. Run on H2 ({@link ReorganisationCrashTest}) and PostgreSQL ({@link ReorganisationCrashPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReorganisationCrashScenario {

  /** The candidate group insert that fails: the fifth, which batches of three put in the second batch. */
  static final int FAILING_INSERT = 5;
  static final String CRASH = "Lỗi giả lập: giao dịch bị hủy giữa một lô";
  /** A member of the health centre, which gains the screening, who chose to hear nothing. */
  static final String QUIET = "bsttyt";

  ConfigurableApplicationContext intact;
  ConfigurableApplicationContext crashed;

  /** The database arguments of a city called {@code name}, and the profiles that go with them. */
  abstract List<String> database(String name);

  abstract String[] profiles();

  /** Makes the {@code n}th insert into ACT_RU_IDENTITYLINK from now on fail, once, with {@link #CRASH}. */
  abstract void armCrash(JdbcClient jdbc, int n);

  abstract void disarmCrash(JdbcClient jdbc);

  @BeforeAll
  void startTwoCities() {
    intact = CityReformScenario.startACity(database("intact"), profiles(), "reformintact");
    crashed = CityReformScenario.startACity(database("crashed"), profiles(), "reformcrashed");
  }

  @AfterAll
  void stopTheCities() {
    for (ConfigurableApplicationContext city : new ConfigurableApplicationContext[] {intact, crashed}) {
      if (city != null) {
        city.close();
      }
    }
  }

  @Test
  void shouldLeaveTheSameCityAfterACrashInABatchAndAResume() throws IOException {
    seed(intact);
    seed(crashed);
    assertThat(fingerprint(crashed)).as("the two cities before the reform").isEqualTo(fingerprint(intact));
    String changeSet = new ClassPathResource(CityReformScenario.CHANGE_SET).getContentAsString(StandardCharsets.UTF_8);

    ReorganisationRun intactRun = intact.getBean(ReorganisationRun.class);
    long intactId = intactRun.upload(changeSet, "quantri").id();
    assertThat(intactRun.apply(intactId, "quantri", Integer.MAX_VALUE).status())
        .isEqualTo(ReorganisationStatus.APPLIED);

    ReorganisationRun crashedRun = crashed.getBean(ReorganisationRun.class);
    JdbcClient jdbc = crashed.getBean(JdbcClient.class);
    long id = crashedRun.upload(changeSet, "quantri").id();
    long mailsForATaskBefore = mailsForATask(jdbc);
    armCrash(jdbc, FAILING_INSERT);
    try {
      assertThatThrownBy(() -> crashedRun.apply(id, "quantri", Integer.MAX_VALUE)).hasStackTraceContaining(CRASH);
    } finally {
      disarmCrash(jdbc);
    }
    thenTheBatchInHandLeftNothing(id, jdbc);

    assertThat(crashedRun.apply(id, "quantri", Integer.MAX_VALUE).status()).isEqualTo(ReorganisationStatus.APPLIED);
    Map<String, List<String>> afterResume = fingerprint(crashed);
    Map<String, List<String>> uninterrupted = fingerprint(intact);
    uninterrupted.forEach((what, rows) -> assertThat(afterResume.get(what)).as(what).isEqualTo(rows));
    thenEveryOpenTaskSitsWithAStaffedGroupServingItsWard(jdbc);
    assertThat(mailsForATask(jdbc)).as("mails and digest lines for one task").isEqualTo(mailsForATaskBefore);
    thenEachPersonWhoGainedWorkHasOneMailSayingHowMuch(jdbc);

    assertThat(crashedRun.apply(id, "quantri", Integer.MAX_VALUE).status()).isEqualTo(ReorganisationStatus.APPLIED);
    assertThat(fingerprint(crashed)).as("a second apply").isEqualTo(afterResume);
  }

  /** Some batches were carried, the one in hand was rolled back whole: its cases have not moved. */
  private static void thenTheBatchInHandLeftNothing(long id, JdbcClient jdbc) {
    assertThat(jdbc.sql("select status from reorganisation where id = ?").param(id).query(String.class).single())
        .isEqualTo(ReorganisationStatus.APPLYING.name());
    long carried = count(jdbc, "select count(*) from reorganisation_case where done = true");
    long planned = count(jdbc, "select count(*) from reorganisation_case");
    assertThat(carried).as("carried before the crash").isPositive().isLessThan(planned);
    // two workers carry the cases of odd and even ids, each in batches of three: whole batches, a worker's last
    // holding what was left of its cases
    for (int worker = 0; worker < 2; worker++) {
      String mine = " where mod(case_id, 2) = " + worker;
      long carriedByIt = count(jdbc, "select count(*) from reorganisation_case" + mine + " and done = true");
      long its = count(jdbc, "select count(*) from reorganisation_case" + mine);
      assertThat(carriedByIt % 3 == 0 || carriedByIt == its).as("whole batches of three, worker " + worker).isTrue();
    }
    assertThat(count(jdbc, "select count(*) from reorganisation_case r join case_file c on c.id = r.case_id"
        + " where r.done = false and c.commune_code <> r.from_commune")).as("moved, not carried").isZero();
    assertThat(count(jdbc, "select count(*) from case_step_record s join reorganisation_case r on r.case_id ="
        + " s.case_id where r.done = false and s.step = 'Reorganisation'")).as("timeline lines, not carried").isZero();
  }

  private static long mailsForATask(JdbcClient jdbc) {
    return count(jdbc, "select count(*) from mail_outbox where kind = 'task-arrived'")
        + count(jdbc, "select count(*) from digest_item");
  }

  /**
   * The members of the groups that gained tasks (with an address, and not having chosen no mail) have one mail
   * each, with the tasks of each of their groups and the total; nobody else has one.
   */
  private static void thenEachPersonWhoGainedWorkHasOneMailSayingHowMuch(JdbcClient jdbc) {
    Map<String, Integer> gained = new LinkedHashMap<>();
    jdbc.sql("select group_id, tasks from reorganisation_rerouted").query((rs, n) -> gained.put(rs.getString(1),
        rs.getInt(2))).list();
    assertThat(gained.values().stream().mapToInt(n -> n).sum()).as("tasks re-routed").isPositive();
    List<String[]> memberships = jdbc.sql("select m.user_id_, m.group_id_, g.name_ from ACT_ID_MEMBERSHIP m"
            + " join ACT_ID_USER u on u.id_ = m.user_id_ join ACT_ID_GROUP g on g.id_ = m.group_id_"
            + " where u.email_ is not null and u.email_ <> '' and not exists (select 1 from notification_preference p"
            + " where p.user_id = m.user_id_ and p.mode = 'NONE')")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list().stream()
        .filter(membership -> gained.containsKey(membership[1])).toList();
    assertThat(jdbc.sql("select group_id_ from ACT_ID_MEMBERSHIP where user_id_ = ?").param(QUIET)
        .query(String.class).list()).as("the groups of someone who chose no mail")
        .containsAnyElementsOf(gained.keySet());
    List<String[]> mails = jdbc.sql("select recipient_user, subject, body_text from mail_outbox"
            + " where kind = 'reorganisation-work'")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    assertThat(mails.stream().map(mail -> mail[0])).doesNotContain(QUIET);
    assertThat(mails.stream().map(mail -> mail[0]).sorted().toList()).as("one mail a person")
        .isEqualTo(memberships.stream().map(m -> m[0]).distinct().sorted().toList());
    for (String[] mail : mails) {
      int total = 0;
      for (String[] membership : memberships) {
        if (membership[0].equals(mail[0])) {
          total += gained.get(membership[1]);
          assertThat(mail[2]).as(mail[0]).contains("- " + membership[2] + ": " + gained.get(membership[1])
              + " công việc");
        }
      }
      assertThat(mail[1]).as(mail[0]).isEqualTo("[Nâng Bước] Sắp xếp tổ chức: " + total
          + " công việc chuyển đến đồng chí");
      assertThat(mail[2]).contains("Tổng cộng: " + total + " công việc");
    }
  }

  private void thenEveryOpenTaskSitsWithAStaffedGroupServingItsWard(JdbcClient jdbc) {
    OrganisationDirectory organisation = crashed.getBean(OrganisationDirectory.class);
    List<String[]> candidates = jdbc.sql("select c.commune_code, l.group_id_ from ACT_RU_IDENTITYLINK l"
            + " join ACT_RU_TASK t on t.id_ = l.task_id_ join case_file c on c.process_instance_id = t.proc_inst_id_"
            + " where l.type_ = 'candidate' and l.group_id_ is not null")
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    assertThat(candidates).isNotEmpty();
    for (String[] candidate : candidates) {
      Set<String> serving = new HashSet<>(organisation.groupsServing(candidate[0]));
      assertThat(serving).as(candidate[0] + " → " + candidate[1]).contains(candidate[1]);
      assertThat(count(jdbc, "select count(*) from ACT_ID_MEMBERSHIP where group_id_ = '" + candidate[1] + "'"))
          .as(candidate[1]).isPositive();
    }
  }

  /** Cases at every kind of step, some with money reserved or in line, one closed: the same in every city. */
  private static void seed(ConfigurableApplicationContext city) {
    PathwayDriver driver = new PathwayDriver(city.getBean(ProcessEngine.class), city.getBean(ListingService.class));
    city.getBean(FundReceipts.class).receive(CityReformScenario.CITY_FUND, ReceiptKind.BUDGET, 60_000_000,
        "Ngân sách thành phố", null, LocalDate.now(), "cvtaichinh");
    city.getBean(Notifications.class).choose(QUIET, DeliveryMode.NONE);
    listed(driver, "MAIPHA");
    driver.review(listed(driver, "DONGKINH"), "ACCEPT");
    ProcessInstance screened = listed(driver, "CHILANG");
    driver.review(screened, "ACCEPT");
    driver.screen(screened, "SURGERY");
    referred(driver, "MAIPHA", 12_000_000);
    referred(driver, "HOANGDONG", 45_000_000);
    driver.approve("tpldtbxh", referred(driver, "QUANGLAC", 20_000_000), "APPROVED");
    driver.approve("pctubnd", referred(driver, "VINHTRAI", 35_000_000), "WAITING");
    driver.review(listed(driver, "TAMTHANH"), "NOT_ELIGIBLE");
    listed(driver, "HOANGDONG");
  }

  private static ProcessInstance listed(PathwayDriver driver, String commune) {
    return driver.list("cb" + commune.toLowerCase(), PathwayDriver.child(commune, LocalDate.now().minusYears(5),
        ConditionGroup.CLEFT_LIP_PALATE));
  }

  private static ProcessInstance referred(PathwayDriver driver, String commune, long cost) {
    ProcessInstance pathway = listed(driver, commune);
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, cost, true);
    return pathway;
  }

  /**
   * What a reorganisation touches, as rows without the engine's ids or times (which differ between two cities):
   * cases by their number, tasks by their case and step.
   */
  private static Map<String, List<String>> fingerprint(ConfigurableApplicationContext city) {
    JdbcClient jdbc = city.getBean(JdbcClient.class);
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("case files", "select case_number, commune_code, status, version from case_file");
    queries.put("timelines", "select c.case_number, s.step, s.recorded_by, s.data from case_step_record s"
        + " join case_file c on c.id = s.case_id");
    queries.put("open tasks", "select c.case_number, t.task_def_key_, t.name_, t.description_, t.assignee_,"
        + " t.owner_ from ACT_RU_TASK t join case_file c on c.process_instance_id = t.proc_inst_id_");
    queries.put("candidates", "select c.case_number, t.task_def_key_, l.type_, l.group_id_, l.user_id_"
        + " from ACT_RU_IDENTITYLINK l join ACT_RU_TASK t on t.id_ = l.task_id_"
        + " join case_file c on c.process_instance_id = t.proc_inst_id_");
    queries.put("task history", "select c.case_number, h.task_def_key_, h.name_, h.description_, h.assignee_,"
        + " h.delete_reason_ from ACT_HI_TASKINST h join case_file c"
        + " on c.process_instance_id = h.proc_inst_id_");
    queries.put("candidate history", "select c.case_number, h.task_def_key_, l.type_, l.group_id_, l.user_id_,"
        + " l.operation_type_ from ACT_HI_IDENTITYLINK l join ACT_HI_TASKINST h on h.id_ = l.task_id_"
        + " join case_file c on c.process_instance_id = h.proc_inst_id_");
    queries.put("rights on cases", "select a.type_, a.group_id_, a.user_id_, a.resource_type_, a.perms_,"
        + " c.case_number from ACT_RU_AUTHORIZATION a join case_file c on c.process_instance_id = a.resource_id_");
    queries.put("rights on tasks", "select a.type_, a.group_id_, a.user_id_, a.resource_type_, a.perms_,"
        + " c.case_number, h.task_def_key_ from ACT_RU_AUTHORIZATION a join ACT_HI_TASKINST h on h.id_ ="
        + " a.resource_id_ join case_file c on c.process_instance_id = h.proc_inst_id_");
    queries.put("memberships", "select user_id_, group_id_ from ACT_ID_MEMBERSHIP");
    queries.put("ledger", "select fund_id, entry_type, amount, d_available, d_reserved, d_disbursed, entry_date"
        + " from fund_entry");
    queries.put("fund transfers", "select reference, from_fund_id, to_fund_id, available, reserved, requests"
        + " from fund_transfer");
    queries.put("agencies", "select id, valid_to from agency");
    queries.put("successors", "select agency_id, successor_id from agency_successor");
    queries.put("recorded change", "select name, status, applied_by, summary from reorganisation");
    queries.put("re-routed tasks", "select group_id, tasks from reorganisation_rerouted");
    queries.put("cases of the change", "select c.case_number, r.from_commune, r.to_commune, r.done"
        + " from reorganisation_case r join case_file c on c.id = r.case_id");
    queries.put("mails", "select kind, recipient_user, subject from mail_outbox");
    queries.put("digest lines", "select user_id, task_name, case_number from digest_item");
    Map<String, List<String>> fingerprint = new LinkedHashMap<>();
    queries.forEach((what, sql) -> fingerprint.put(what, rows(jdbc, sql)));
    return fingerprint;
  }

  private static List<String> rows(JdbcClient jdbc, String sql) {
    List<String> rows = new ArrayList<>(jdbc.sql(sql).query((rs, n) -> {
      List<String> columns = new ArrayList<>();
      for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
        columns.add(String.valueOf(rs.getObject(column)));
      }
      return String.join(" | ", columns);
    }).list());
    rows.sort(null);
    return rows;
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
