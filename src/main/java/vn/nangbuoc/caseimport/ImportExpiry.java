package vn.nangbuoc.caseimport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes, every hour, the typed details of previews nobody decided and of confirmed results once they are
 * a day old: an upload does it too, but an office may upload nothing for weeks. Off with the other background
 * work in tests.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "nangbuoc.listing.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ImportExpiry {

  private final CaseImportService imports;

  ImportExpiry(CaseImportService imports) {
    this.imports = imports;
  }

  @Scheduled(fixedDelayString = "${nangbuoc.import.expire-every:PT1H}", initialDelayString = "PT1M")
  void expire() {
    imports.expireStale();
  }
}
