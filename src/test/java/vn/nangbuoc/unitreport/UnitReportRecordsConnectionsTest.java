package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.NangBuocSpringTest;

/**
 * A unit report's latest version is read outside any transaction (the task form's context, the pages): each read
 * gives its connection back. It once streamed the rows and never closed the stream, and after as many opened forms
 * as the pool has connections (10) every request of the node waited and failed.
 */
@NangBuocSpringTest
class UnitReportRecordsConnectionsTest {

  @Autowired
  UnitReportRecords records;

  @Test
  void shouldGiveTheConnectionBackAfterReadingTheLatestVersion() {
    for (int read = 0; read < 25; read++) {
      assertThat(records.latestVersion(Long.MIN_VALUE)).isEmpty();
    }
  }
}
