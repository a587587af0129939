package vn.nangbuoc.pathway;

import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Numbers of the pathway an operator may change (nangbuoc.pathway.*).
 *
 * @param maxScreeningAbsences after this many absences from screening the case closes
 * @param followUpIntervals when follow-up visits fall due, counted from the surgery or the start of the service
 */
@ConfigurationProperties("nangbuoc.pathway")
public record PathwaySettings(int maxScreeningAbsences, List<Period> followUpIntervals) {

  public PathwaySettings {
    if (maxScreeningAbsences < 1) {
      throw new IllegalArgumentException("nangbuoc.pathway.max-screening-absences must be at least 1");
    }
    if (followUpIntervals == null || followUpIntervals.isEmpty()) {
      throw new IllegalArgumentException("nangbuoc.pathway.follow-up-intervals needs at least one interval");
    }
    followUpIntervals = List.copyOf(followUpIntervals);
  }
}
