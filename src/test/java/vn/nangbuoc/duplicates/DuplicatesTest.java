package vn.nangbuoc.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.erasure.CaseErasure;
import vn.nangbuoc.erasure.ErasureKind;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/** One child listed twice is found, with or without diacritics, and merged or kept apart by a person. */
@NangBuocSpringTest
class DuplicatesTest {

  static final LocalDate BORN = LocalDate.of(2020, 4, 17);

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  CaseMerge merges;
  @Autowired
  CaseErasure erasure;
  @Autowired
  JdbcClient jdbc;

  PathwayDriver driver;
  PageBrowser pages;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
    pages = new PageBrowser(http);
  }

  @Test
  void shouldMergeTheSameChildTypedWithoutDiacriticsAndKeepBothHistories() {
    String given = unique();
    CaseFile older = list("Nguyễn Thị Ánh " + given, null);
    String personalId = PathwayDriver.randomPersonalId();
    CaseFile newer = list("NGUYEN THI ANH " + given.toUpperCase(), personalId);
    String session = pages.login("cbmaipha");
    String page = pages.get(session, "/ho-so/trung-lap").getBody();
    assertThat(page).contains(older.caseNumber(), newer.caseNumber(), "Gộp, giữ hồ sơ " + older.caseNumber());
    // each child shown is a read of their case
    for (CaseFile shown : List.of(older, newer)) {
      assertThat(jdbc.sql("select user_id from case_access_log where case_id = ? and channel = 'LIST'")
          .param(shown.id()).query(String.class).list()).containsExactly("cbmaipha");
    }
    assertThat(pages.get(pages.login("cbhoangdong"), "/ho-so/trung-lap").getBody())
        .doesNotContain(older.caseNumber());

    // the merge asks first, saying which case stays and what happens to the other
    String confirmation = pages.get(session, "/ho-so/trung-lap/gop?giu=" + older.id() + "&gop=" + newer.id())
        .getBody();
    assertThat(confirmation).contains("Gộp hồ sơ " + newer.caseNumber() + " vào hồ sơ " + older.caseNumber() + "?",
        "Hồ sơ " + older.caseNumber() + " được giữ và tiếp tục lộ trình của trẻ",
        "Hồ sơ " + newer.caseNumber() + " chuyển sang trạng thái “Đã gộp vào hồ sơ khác”",
        "Lộ trình của hồ sơ " + newer.caseNumber() + " dừng: 1 công việc đang mở của hồ sơ này bị hủy.",
        "Số định danh cá nhân " + personalId + " chuyển sang hồ sơ " + older.caseNumber(),
        "Xác nhận gộp, giữ hồ sơ " + older.caseNumber(), "Quay lại, không gộp");
    assertThat(caseFiles.get(newer.id()).status()).as("asking merges nothing").isEqualTo(CaseStatus.ACTIVE);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(confirmation));
    form.add("giu", String.valueOf(older.id()));
    form.add("gop", String.valueOf(newer.id()));
    form.add("ly-do", "Cùng một trẻ, lập hai lần");
    ResponseEntity<String> unconfirmed = pages.post(session, "/ho-so/trung-lap/gop", form);
    assertThat(unconfirmed.getHeaders().getLocation().toString()).as("a post not confirmed on the page is shown it")
        .endsWith("/ho-so/trung-lap/gop?giu=" + older.id() + "&gop=" + newer.id());
    assertThat(caseFiles.get(newer.id()).status()).isEqualTo(CaseStatus.ACTIVE);
    form.add("xac-nhan", "co");
    ResponseEntity<String> merged = pages.post(session, "/ho-so/trung-lap/gop", form);

    assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    CaseFile kept = caseFiles.get(older.id());
    CaseFile gone = caseFiles.get(newer.id());
    assertThat(gone.status()).isEqualTo(CaseStatus.MERGED);
    assertThat(gone.mergedInto()).isEqualTo(older.id());
    assertThat(kept.personalId()).as("the ID moves to the kept case").isEqualTo(personalId);
    assertThat(gone.personalId()).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(newer.processInstanceId())
        .count()).as("the merged pathway stops").isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(newer.processInstanceId()).count()).as("its history stays").isOne();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(older.processInstanceId())
        .count()).isOne();
    String keptPage = pages.get(session, "/ho-so/" + older.id()).getBody();
    assertThat(keptPage).contains("Đã gộp vào hồ sơ này", "[" + newer.caseNumber() + "] Lập danh sách, mở hồ sơ",
        "Gộp hồ sơ", personalId);
    assertThat(pages.get(session, "/ho-so/" + newer.id()).getBody()).contains("đã được gộp vào hồ sơ");
    assertThat(jdbc.sql("select count(*) from case_merge where kept_case_id = ? and merged_case_id = ?"
        + " and merged_by = 'cbmaipha'").params(older.id(), newer.id()).query(Long.class).single()).isOne();
    assertThat(pages.get(session, "/ho-so/trung-lap").getBody()).contains("Đã gộp hồ sơ " + newer.caseNumber())
        .doesNotContain("Gộp, giữ hồ sơ " + older.caseNumber());
  }

  @Test
  void shouldNeverPairTwoDifferentPersonalIdsAndForgetPairsKeptApart() {
    String given = unique();
    CaseFile first = list("Lý Văn " + given, PathwayDriver.randomPersonalId());
    CaseFile second = list("Lý Văn " + given, PathwayDriver.randomPersonalId());
    CaseFile third = list("Lý Văn " + given, null);
    assertThat(merges.pairs("cbmaipha")).extracting(LikelyDuplicates.Pair::newerId)
        .doesNotContain(second.id()).contains(third.id());

    merges.keepApart(third.id(), first.id(), "cbmaipha");
    merges.keepApart(second.id(), third.id(), "cbmaipha");

    assertThat(merges.pairs("cbmaipha")).extracting(LikelyDuplicates.Pair::newerId).doesNotContain(third.id());
    assertThatThrownBy(() -> merges.merge(first.id(), third.id(), null, "cbmaipha"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("không còn là cặp");
    assertThat(caseFiles.get(third.id()).status()).isEqualTo(CaseStatus.ACTIVE);
  }

  @Test
  void shouldNotMergeACaseWithMoneyInFlightAwayFromItsPathway() {
    String given = unique();
    CaseFile waiting = list("Hà Thị " + given, null);
    CaseFile referred = list("Hà Thị " + given, null);
    ProcessInstance pathway = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(referred.processInstanceId()).singleResult();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 4_000_000, true);

    assertThatThrownBy(() -> merges.merge(waiting.id(), referred.id(), null, "cbmaipha"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("đề nghị hỗ trợ từ Quỹ");
    String confirmation = pages.get(pages.login("cbmaipha"), "/ho-so/trung-lap/gop?giu=" + waiting.id() + "&gop="
        + referred.id()).getBody();
    assertThat(confirmation).as("the confirmation says so before anyone confirms").contains("đề nghị hỗ trợ từ Quỹ")
        .doesNotContain("Xác nhận gộp, giữ hồ sơ");
    merges.merge(referred.id(), waiting.id(), null, "cbmaipha");
    assertThat(caseFiles.get(waiting.id()).mergedInto()).isEqualTo(referred.id());
  }

  @Test
  void shouldEraseTheCasesMergedIntoAnErasedCase() {
    String given = unique();
    CaseFile kept = list("Chu Văn " + given, null);
    CaseFile merged = list("Chu Van " + given, null);
    merges.merge(kept.id(), merged.id(), null, "cbmaipha");

    erasure.erase(kept.id(), "Theo đơn xin rút khỏi chương trình số 3/2026", "quantri", ErasureKind.BY_ADMINISTRATOR);

    assertThat(caseFiles.findByCaseNumber(kept.caseNumber())).isEmpty();
    assertThat(caseFiles.findByCaseNumber(merged.caseNumber())).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(merged.processInstanceId()).count()).isZero();
  }

  private CaseFile list(String name, String personalId) {
    ChildListing child = new ChildListing(name, BORN, Sex.FEMALE, "Tày", personalId, "Thôn Pò Mỏ", "MAIPHA",
        ConditionGroup.CLEFT_LIP_PALATE, "Nguyễn Thị Bích", CaregiverRelation.MOTHER, null);
    return driver.as("cbmaipha", () -> listing.list(child, "cbmaipha"));
  }

  private static String unique() {
    StringBuilder word = new StringBuilder("Đào");
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }
}
