package vn.nangbuoc.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.organisation.AgencyNotFoundException;
import vn.nangbuoc.organisation.ResponsibleAgency;

/**
 * The routing table and the demo organisation fit together: every user task of the pathway, for a
 * child of any of the eight wards and communes, lands with a group that exists and has people in it.
 */
@NangBuocSpringTest
class RoutingCoversTheOrganisationTest {

  static final List<String> COMMUNES = List.of("CHILANG", "DONGKINH", "HOANGVANTHU", "TAMTHANH", "VINHTRAI",
      "HOANGDONG", "MAIPHA", "QUANGLAC");

  @Autowired
  TaskRouting routing;
  @Autowired
  IdentityService identityService;
  @Autowired
  ApplicationContext context;

  @Test
  void shouldRouteEveryUserTaskOfEveryCommuneToAStaffedGroup() {
    BpmnModelInstance pathway = Bpmn.readModelFromFile(new File("bpmn/child-pathway.bpmn"));
    for (UserTask task : pathway.getModelElementsByType(UserTask.class)) {
      for (String commune : COMMUNES) {
        for (Long cost : List.of(5_000_000L, 50_000_000L)) {
          Route route = routing.route(task.getId(), commune, cost);
          assertThat(route.deadlineWorkingDays()).isPositive();
          assertThat(identityService.createUserQuery().memberOfGroup(route.agency().groupId()).count())
              .as(task.getId() + " in " + commune + " → " + route.agency().groupId()).isPositive();
        }
      }
    }
  }

  /**
   * A unit's report: its own People's Committee prepares and its head signs it; the office of the unit it reports
   * to (the city, before the 2025 reform) reviews it, routed from that unit.
   */
  @Test
  void shouldRouteEveryCommunesReportToItsOwnCommitteeAndTheCitysLabourOffice() {
    for (String commune : COMMUNES) {
      ResponsibleAgency preparer = routing.route("Task_PrepareUnitReport", commune, null).agency();
      ResponsibleAgency head = routing.route("Task_SignOffUnitReport", commune, null).agency();
      assertThat(preparer.kind()).isEqualTo("COMMUNE_PEOPLES_COMMITTEE");
      assertThat(head.agencyId()).isEqualTo(preparer.agencyId());
      assertThat(head.groupId()).isEqualTo(preparer.groupId() + "Head");
      assertThat(identityService.createUserQuery().memberOfGroup(preparer.groupId()).count()).isPositive();
    }
    assertThat(routing.route("Task_ReviewUnitReport", "TPLANGSON", null).agency().groupId())
        .isEqualTo("ldtbxhTpLangSon");
  }

  @Test
  void shouldGiveCommuneWorkToTheChildsOwnCommune() {
    for (String commune : COMMUNES) {
      ResponsibleAgency agency = routing.route("Task_FollowUpVisit", commune, null).agency();
      assertThat(agency.kind()).isEqualTo("COMMUNE_PEOPLES_COMMITTEE");
      assertThat(identityService.createGroupQuery().groupId(agency.groupId()).singleResult().getName())
          .contains(agency.agencyName());
    }
    assertThat(routing.route("Task_FollowUpVisit", "MAIPHA", null).agency().groupId()).isEqualTo("ubndMaiPha");
    assertThat(routing.route("Task_FollowUpVisit", "HOANGDONG", null).agency().groupId()).isEqualTo("ubndHoangDong");
  }

  @Test
  void shouldNameTheMissingAgencyWhenTheOrganisationHasNone() {
    assertThatThrownBy(() -> routing.route("Task_ReviewListing", "LANGSON", null))
        .isInstanceOf(AgencyNotFoundException.class)
        .hasMessageContaining("Rà soát danh sách, điều phối hồ sơ");
  }

  @Test
  void shouldFindEveryBeanTheModelsName() throws Exception {
    String xml = java.nio.file.Files.readString(new File("bpmn/child-pathway.bpmn").toPath());
    java.util.regex.Matcher bean = java.util.regex.Pattern
        .compile("(?:delegateExpression=\"\\$\\{|\\$\\{)([a-zA-Z]+)(?:\\}|\\.)").matcher(xml);
    int found = 0;
    while (bean.find()) {
      String name = bean.group(1);
      if (name.endsWith("Listener") || name.endsWith("Delegate") || name.endsWith("Schedule")
          || name.endsWith("Deadlines")) {
        assertThat(context.containsBean(name)).as(name).isTrue();
        found++;
      }
    }
    assertThat(found).isGreaterThan(20);
  }
}
