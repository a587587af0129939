package vn.nangbuoc.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Finding case files (on H2 and on PostgreSQL): folded names, exact numbers, filters, order and pages, and never
 * outside the area.
 */
abstract class CaseSearchChecks {

  @Autowired
  CaseSearch search;
  @Autowired
  ListingService listing;
  @Autowired
  ProcessEngine engine;

  @Test
  void shouldFoldVietnameseDiacriticsAndCaseOnBothSides() {
    assertThat(NameFolding.fold("Nguyễn Văn An")).isEqualTo("nguyen van an");
    assertThat(NameFolding.fold("  ĐINH   thị  Ánh ")).isEqualTo("dinh thi anh");
    assertThat(NameFolding.fold("Lò Thị Hường")).isEqualTo(NameFolding.fold("LO THI HUONG"));
    assertThat(NameFolding.fold("\u00D0ào")).as("the eth some keyboards type for Đ").isEqualTo("dao");
  }

  @Test
  void shouldFindByAnyPartOfTheNameAndFilterByCommuneStatusConditionAndStep() {
    String family = uniqueFamilyName();
    CaseFile cleft = list(family + " Văn Đức", "MAIPHA", ConditionGroup.CLEFT_LIP_PALATE);
    CaseFile motor = list(family + " Thị Ðào", "MAIPHA", ConditionGroup.MOTOR);

    assertThat(ids(query(family.toLowerCase()))).containsExactlyInAnyOrder(cleft.id(), motor.id());
    assertThat(ids(query(NameFolding.fold(family) + " van duc"))).containsExactly(cleft.id());
    assertThat(ids(new CaseQuery(family, null, null, null, null, ConditionGroup.MOTOR, null, "ten", 0, 10)))
        .containsExactly(motor.id());
    assertThat(ids(new CaseQuery(family, null, null, null, CaseStatus.CLOSED, null, null, "ten", 0, 10))).isEmpty();
    assertThat(ids(new CaseQuery(family, null, null, null, null, null, ChildPathway.TASK_REVIEW_LISTING, "ten", 0, 10)))
        .as("a new listing waits on its review").containsExactlyInAnyOrder(cleft.id(), motor.id());
    assertThat(ids(new CaseQuery(family, null, null, null, null, null, ChildPathway.TASK_CLOSE_CASE, "ten", 0, 10)))
        .isEmpty();
    assertThat(ids(new CaseQuery(null, cleft.caseNumber().toLowerCase(), null, null, null, null, null, null, 0, 10)))
        .containsExactly(cleft.id());
  }

  @Test
  void shouldSortAndPage() {
    String family = uniqueFamilyName();
    CaseFile first = list(family + " Bảo", "MAIPHA", ConditionGroup.EYE);
    CaseFile second = list(family + " An", "MAIPHA", ConditionGroup.EYE);
    CaseFile third = list(family + " Cường", "MAIPHA", ConditionGroup.EYE);

    CaseSearch.Page byName = search.search(new CaseQuery(family, null, null, null, null, null, null, "ten", 0, 2),
        Set.of("MAIPHA"));
    assertThat(byName.total()).isEqualTo(3);
    assertThat(byName.pages()).isEqualTo(2);
    assertThat(ids(byName)).containsExactly(second.id(), first.id());
    CaseSearch.Page secondPage = search.search(new CaseQuery(family, null, null, null, null, null, null, "ten", 1, 2),
        Set.of("MAIPHA"));
    assertThat(ids(secondPage)).containsExactly(third.id());
    CaseSearch.Page newest = search.search(
        new CaseQuery(family, null, null, null, null, null, null, "moi-nhat", 0, 10), Set.of("MAIPHA"));
    assertThat(ids(newest)).containsExactly(third.id(), second.id(), first.id());
  }

  @Test
  void shouldNeverReturnACaseOutsideTheCommunesGiven() {
    String family = uniqueFamilyName();
    CaseFile inHoangDong = list(family + " Minh", "HOANGDONG", ConditionGroup.EAR);

    assertThat(ids(search.search(query(family), Set.of("MAIPHA")))).isEmpty();
    assertThat(ids(search.search(new CaseQuery(family, null, null, "HOANGDONG", null, null, null, null, 0, 10),
        Set.of("MAIPHA")))).as("asking for a commune outside the area finds nothing").isEmpty();
    assertThat(ids(search.search(query(family), Set.of()))).isEmpty();
    assertThat(ids(search.search(query(family), Set.of("HOANGDONG")))).containsExactly(inHoangDong.id());
  }

  @Test
  void shouldFindByTheTrailOfTheCaseInOneStatement() {
    String family = uniqueFamilyName();
    CaseFile funded = list(family + " Tài", "MAIPHA", ConditionGroup.CLEFT_LIP_PALATE);
    CaseFile refused = list(family + " Lộc", "MAIPHA", ConditionGroup.CLEFT_LIP_PALATE);
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(funded.processInstanceId()).singleResult();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 5_500_000, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    driver.review(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(refused.processInstanceId()).singleResult(), "NOT_ELIGIBLE");
    LocalDate today = LocalDate.now(VietnameseFormat.ZONE);

    assertThat(ids(trail(family, ChildPathway.TASK_REVIEW_LISTING, new CaseTrail(true, null, null, null, null,
        null, null, null)))).as("both passed the review").containsExactlyInAnyOrder(funded.id(), refused.id());
    assertThat(ids(trail(family, null, new CaseTrail(false, "tpldtbxh", 5_500_000L, 5_500_000L,
        CaseTrail.DateKind.FUNDING_DECIDED, today, today, null)))).containsExactly(funded.id());
    assertThat(ids(trail(family, null, new CaseTrail(false, null, 5_500_001L, null, null, null, null, null))))
        .isEmpty();
    assertThat(ids(trail(family, null, new CaseTrail(false, null, null, null, CaseTrail.DateKind.CLOSED, today,
        null, "NOT_ELIGIBLE")))).containsExactly(refused.id());
    assertThat(ids(trail(family, null, new CaseTrail(false, null, null, null, CaseTrail.DateKind.LISTED,
        today.plusDays(1), null, null)))).isEmpty();
    assertThat(search.approvers(Set.of("MAIPHA"))).contains("tpldtbxh");
    assertThat(search.approvers(Set.of())).isEmpty();
  }

  private static CaseQuery trail(String name, String step, CaseTrail trail) {
    return new CaseQuery(name, null, null, null, null, null, step, null, 0, 10, trail);
  }

  private static CaseQuery query(String name) {
    return new CaseQuery(name, null, null, null, null, null, null, null, 0, 10);
  }

  private List<Long> ids(CaseQuery query) {
    return ids(search.search(query, Set.of("MAIPHA")));
  }

  private static List<Long> ids(CaseSearch.Page page) {
    return page.rows().stream().map(CaseSearch.Row::id).toList();
  }

  private CaseFile list(String fullName, String commune, ConditionGroup condition) {
    String user = "MAIPHA".equals(commune) ? "cbmaipha" : "cbhoangdong";
    ChildListing child = new ChildListing(fullName, LocalDate.now().minusYears(4), Sex.MALE, "Nùng", null,
        "Thôn Nà Chuông", commune, condition, "Hoàng Thị Lan", CaregiverRelation.MOTHER, null);
    return new PathwayDriver(engine, listing).as(user, () -> listing.list(child, user));
  }

  /** A family name no other test uses, in letters only. */
  private static String uniqueFamilyName() {
    StringBuilder name = new StringBuilder("Lường");
    for (int i = 0; i < 6; i++) {
      name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return name.toString();
  }
}
