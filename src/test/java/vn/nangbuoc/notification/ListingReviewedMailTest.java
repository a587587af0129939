package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Issue 19: the caseworker whose listing came back hears which office reviewed it, as the organisation
 * data names it (the city's labour office in 2024, a commune's culture–social office after the reform),
 * never a name written into the template.
 */
@NangBuocSpringTest
class ListingReviewedMailTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  Recipients recipients;
  @Autowired
  Notifications notifications;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  OrganisationDirectory organisation;
  @Autowired
  JdbcClient jdbc;

  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
    recipients.choose("cbmaipha", DeliveryMode.IMMEDIATE);
  }

  @Test
  void shouldNameTheAgencyTheReviewWasRoutedToByItsNameInTheData() {
    String reviewer = organisation.responsibleAgency("CASE_COORDINATION", "STAFF", "MAIPHA").agencyId();
    String name = jdbc.sql("select name from agency where id = ?").param(reviewer).query(String.class).single();
    String renamed = "Phòng Văn hóa – Xã hội xã Mai Pha";
    jdbc.sql("update agency set name = ? where id = ?").params(renamed, reviewer).update();
    try {
      ProcessInstance pathway = driver.listEligibleChild();
      driver.review(pathway, "RETURN");

      Body mail = mailAbout(pathway.getBusinessKey());
      assertThat(mail.text()).contains(renamed + " đã rà soát hồ sơ " + pathway.getBusinessKey())
          .doesNotContain(name);
      assertThat(mail.html()).contains(renamed).doesNotContain("Lao động");
    } finally {
      jdbc.sql("update agency set name = ? where id = ?").params(name, reviewer).update();
    }
  }

  @Test
  void shouldNameTheGroupsAgencyElseTheCoordinatorOfTheChildsCommune() {
    CaseFile file = caseFiles.getByProcessInstance(driver.listEligibleChild().getId());
    String commune = jdbc.sql("select name from agency where id = 'ubndMaiPha'").query(String.class).single();

    notifications.listingReviewed(file, UUID.randomUUID().toString(), "RETURN", List.of("ubndMaiPha"));
    String byTheGroup = mailAbout(file.caseNumber()).text();
    notifications.listingReviewed(file, UUID.randomUUID().toString(), "RETURN", List.of("camunda-admin"));
    String byNoAgencysGroup = mailAbout(file.caseNumber()).text();

    assertThat(byTheGroup).contains(commune + " đã rà soát hồ sơ");
    assertThat(byNoAgencysGroup).contains(
        organisation.responsibleAgency("CASE_COORDINATION", "STAFF", "MAIPHA").agencyName() + " đã rà soát hồ sơ");
  }

  private record Body(String text, String html) {
  }

  /** The latest listing-reviewed mail about the case, as the outbox holds it. */
  private Body mailAbout(String caseNumber) {
    return jdbc.sql("select body_text, body_html from mail_outbox where kind = ? and recipient_user = 'cbmaipha'"
            + " and body_text like ? order by id desc fetch first 1 rows only")
        .params(Notifications.LISTING_REVIEWED, "%" + caseNumber + "%")
        .query((rs, n) -> new Body(rs.getString(1), rs.getString(2))).single();
  }
}
