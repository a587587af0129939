package vn.nangbuoc.listing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Starts waiting pathways every few seconds. Off in tests, which start them at the moments they check. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "nangbuoc.listing.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ListingScheduling {

  static final int BATCH = 200;

  private final PathwayStarter starter;

  ListingScheduling(PathwayStarter starter) {
    this.starter = starter;
  }

  @Scheduled(fixedDelayString = "${nangbuoc.listing.start-pathways-every:PT5S}", initialDelayString = "PT15S")
  void startWaitingPathways() {
    while (starter.startDue(BATCH) == BATCH) {
      // a large import: keep going while whole batches start
    }
  }
}
