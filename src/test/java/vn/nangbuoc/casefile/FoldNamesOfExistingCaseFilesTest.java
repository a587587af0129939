package vn.nangbuoc.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V7__Fold_names_of_existing_case_files;
import java.sql.Connection;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/** Case files listed before names were folded become findable without diacritics after the upgrade. */
@NangBuocSpringTest
class FoldNamesOfExistingCaseFilesTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;

  @Test
  void shouldFoldTheNamesOfCaseFilesThatHaveNone() throws Exception {
    ChildListing child = new ChildListing("Đàm Thị Hường", LocalDate.now().minusYears(3), Sex.FEMALE, "Tày", null,
        "Thôn Nà Pàn", "MAIPHA", ConditionGroup.EYE, "Đàm Văn Thắng", CaregiverRelation.FATHER, null);
    CaseFile file = new PathwayDriver(engine, listing).as("cbmaipha", () -> listing.list(child, "cbmaipha"));
    jdbc.sql("update case_file set name_folded = null where id = ?").param(file.id()).update();

    try (Connection connection = dataSource.getConnection()) {
      new V7__Fold_names_of_existing_case_files().migrate(new Context() {
        @Override
        public Configuration getConfiguration() {
          return null;
        }

        @Override
        public Connection getConnection() {
          return connection;
        }
      });
    }

    assertThat(jdbc.sql("select name_folded from case_file where id = ?").param(file.id()).query(String.class).single())
        .isEqualTo("dam thi huong");
  }
}
