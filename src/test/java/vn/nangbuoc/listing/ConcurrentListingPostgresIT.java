package vn.nangbuoc.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.pathway.PathwayDriver;

/** Caseworkers listing at the same moment on PostgreSQL: no case number twice, no child twice. */
@NangBuocPostgresTest
class ConcurrentListingPostgresIT {

  @Autowired
  ListingService listing;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldGiveConcurrentListingsDistinctConsecutiveCaseNumbers() throws Exception {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    List<Callable<CaseFile>> listings = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String user = i % 2 == 0 ? "cbmaipha" : "cbhoangdong";
      ChildListing child = PathwayDriver.child(null, LocalDate.now().minusYears(3), ConditionGroup.MOTOR);
      listings.add(() -> driver.as(user, () -> listing.list(child, user)));
    }

    List<String> numbers = new ArrayList<>();
    for (Future<CaseFile> listed : runTogether(listings)) {
      numbers.add(listed.get().caseNumber());
    }

    assertThat(numbers).doesNotHaveDuplicates().hasSize(16);
    List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))
        .sorted().toList();
    assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(15);
  }

  @Test
  void shouldListAChildOnlyOnceWhenTwoCaseworkersListTheSameIdentityNumberAtOnce() throws Exception {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    String personalId = PathwayDriver.randomPersonalId();
    ChildListing base = PathwayDriver.child(null, LocalDate.now().minusYears(2), ConditionGroup.EAR);
    ChildListing child = new ChildListing(base.fullName(), base.dateOfBirth(), base.sex(), base.ethnicity(), personalId,
        base.address(), null, base.conditionGroup(), base.caregiverName(), base.caregiverRelation(),
        base.caregiverPhone());
    List<Callable<CaseFile>> twice = List.of(
        () -> driver.as("cbmaipha", () -> listing.list(child, "cbmaipha")),
        () -> driver.as("cbmaipha", () -> listing.list(child, "cbmaipha")));

    int created = 0;
    int refused = 0;
    for (Future<CaseFile> attempt : runTogether(twice)) {
      try {
        attempt.get();
        created++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(InvalidInputException.class).hasMessageContaining("Số định danh");
        refused++;
      }
    }

    assertThat(created).isEqualTo(1);
    assertThat(refused).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from case_file where personal_id = ?", Long.class, personalId))
        .isEqualTo(1);
  }

  private static <T> List<Future<T>> runTogether(List<Callable<T>> work) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(work.size());
    try {
      return pool.invokeAll(work);
    } finally {
      pool.shutdown();
    }
  }
}
