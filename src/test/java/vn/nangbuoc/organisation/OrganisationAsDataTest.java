package vn.nangbuoc.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.security.Roles;

/**
 * What an agency does comes from the organisation data: which agency serves a duty (several of one kind in
 * one unit, one ending and its successor starting), what its staff may do, and a file with a problem changes
 * nothing. The test organisation lives beside the demo's, under its own province.
 */
@NangBuocSpringTest
class OrganisationAsDataTest {

  static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  @Autowired
  OrganisationWriter writer;
  @Autowired
  OrganisationDirectory directory;
  @Autowired
  Roles roles;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcClient jdbc;

  /** The test organisation goes after each test: other tests read what the organisation's kinds may do. */
  @AfterEach
  void removeTheTestOrganisation() {
    for (String table : List.of("agency_duty", "agency_capability", "agency_group")) {
      jdbc.sql("delete from " + table + " where agency_id like 't19%'").update();
    }
    jdbc.sql("delete from agency_successor where agency_id like 't19%' or successor_id like 't19%'").update();
    jdbc.sql("delete from agency where id like 't19%'").update();
    jdbc.sql("delete from administrative_unit where code like 'T19%' and parent_code is not null").update();
    jdbc.sql("delete from administrative_unit where code like 'T19%'").update();
    jdbc.sql("delete from agency_kind where code like 'T19%'").update();
    jdbc.sql("delete from duty where code like 'T19%'").update();
  }

  static OrganisationFile.Agency agency(String id, String kind, String unit, List<String> duties, LocalDate from,
      LocalDate to, List<String> successors) {
    return new OrganisationFile.Agency(id, kind, unit, "Cơ quan thử " + id, null,
        Map.of("STAFF", id + "Staff", "HEAD", id + "Head"), duties, null, from, to, successors, null);
  }

  static OrganisationFile testLand(List<OrganisationFile.Agency> agencies) {
    return new OrganisationFile(
        List.of(new OrganisationFile.Duty("T19_SCREENING", "Khám sàng lọc (thử)"),
            new OrganisationFile.Duty("T19_REHAB", "Phục hồi chức năng (thử)"),
            new OrganisationFile.Duty("T19_COORDINATION", "Điều phối hồ sơ (thử)")),
        List.of(new OrganisationFile.Kind("T19_CLINIC", "Phòng khám thử", List.of("T19_SCREENING", "T19_REHAB"),
                List.of()),
            new OrganisationFile.Kind("T19_OFFICE", "Văn phòng thử", List.of("T19_COORDINATION"),
                List.of(Capability.LIST_CHILDREN)),
            new OrganisationFile.Kind("T19_WATCH", "Thanh tra thử", List.of(), List.of(Capability.AUDIT))),
        List.of(new OrganisationFile.Unit("T19P", "Thử", "Tỉnh", UnitLevel.PROVINCE, null, null, null, null),
            new OrganisationFile.Unit("T19X", "Thử", "Xã", UnitLevel.COMMUNE, "T19P", null, null, null)),
        agencies);
  }

  @Test
  void shouldRouteEachDutyToTheAgencyThatServesItTodayAndLetItsStaffDoWhatItsKindMay() {
    writer.write(testLand(List.of(
        agency("t19screen", "T19_CLINIC", "T19P", List.of("T19_SCREENING"), null, null, null),
        agency("t19rehab", "T19_CLINIC", "T19P", List.of("T19_REHAB"), null, null, null),
        agency("t19before", "T19_OFFICE", "T19P", null, null, REFORM, List.of("t19since")),
        agency("t19since", "T19_OFFICE", "T19P", null, REFORM, null, null),
        agency("t19watch", "T19_WATCH", "T19P", null, null, null, null))), "thử");

    assertThat(directory.responsibleAgency("T19_SCREENING", "STAFF", "T19X").agencyId()).isEqualTo("t19screen");
    assertThat(directory.responsibleAgency("T19_REHAB", "STAFF", "T19X").agencyId()).isEqualTo("t19rehab");
    // the office that ended with the reform gets no work; its successor, in the same unit, does
    assertThat(directory.responsibleAgency("T19_COORDINATION", "HEAD", "T19X").groupId()).isEqualTo("t19sinceHead");
    assertThat(jdbc.sql("select successor_id from agency_successor where agency_id = 't19before'")
        .query(String.class).list()).containsExactly("t19since");
    assertThat(directory.dutyName("T19_REHAB")).isEqualTo("Phục hồi chức năng (thử)");

    member("t19officer", "t19sinceStaff");
    member("t19inspector", "t19watchStaff");
    member("t19doctor", "t19screenStaff");
    assertThat(roles.isCaseworker("t19officer")).isTrue();
    assertThat(roles.isAuditor("t19officer")).isFalse();
    assertThat(roles.isAuditor("t19inspector")).isTrue();
    assertThat(roles.isCaseworker("t19inspector")).isFalse();
    assertThat(roles.isCaseworker("t19doctor")).isFalse();
    assertThat(directory.kindsWith(Capability.LIST_CHILDREN)).contains("Văn phòng thử")
        .doesNotContain("Thanh tra thử");
  }

  @Test
  void shouldStoreNothingOfAFileWithAProblem() {
    OrganisationFile clash = testLand(List.of(
        agency("t19clashA", "T19_CLINIC", "T19X", null, null, null, null),
        agency("t19clashB", "T19_CLINIC", "T19X", List.of("T19_REHAB"), null, null, null)));
    assertThatThrownBy(() -> writer.write(clash, "thử"))
        .isInstanceOf(InvalidOrganisationException.class)
        .hasMessageContaining("t19clashA").hasMessageContaining("T19_REHAB");
    assertThat(jdbc.sql("select count(*) from agency where id like 't19clash%'").query(Integer.class).single())
        .isZero();
  }

  @Test
  void shouldStillRouteAnAgencyKindNamedByATableOrAPathwayOfBeforeDuties() {
    // a pathway that chose its lead agency before duties existed holds the kind's code
    assertThat(directory.responsibleAgency("HEALTH_CENTRE", "STAFF", "MAIPHA").agencyId()).isEqualTo("ttytTpLangSon");
    assertThat(directory.responsibleAgency("REHABILITATION_LEAD", "STAFF", "MAIPHA").agencyId())
        .isEqualTo("ttytTpLangSon");
  }

  private void member(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      identityService.saveUser(identityService.newUser(userId));
      identityService.createMembership(userId, groupId);
    }
  }
}
