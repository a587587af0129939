package vn.nangbuoc.erasure;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.system.EngineTime;

/** Erases closed case files whose retention period has ended, each in its own transaction. */
@Component
@EnableConfigurationProperties(RetentionSettings.class)
public class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
  static final int BATCH = 100;
  static final String SYSTEM_USER = "he-thong";

  private final CaseFileService caseFiles;
  private final CaseErasure erasure;
  private final RetentionSettings settings;

  RetentionJob(CaseFileService caseFiles, CaseErasure erasure, RetentionSettings settings) {
    this.caseFiles = caseFiles;
    this.erasure = erasure;
    this.settings = settings;
  }

  /** @return how many case files were erased */
  public int eraseExpired() {
    int erased = 0;
    List<Long> due;
    do {
      due = caseFiles.closedBefore(EngineTime.now().minus(settings.closedCases()), BATCH);
      for (long caseId : due) {
        erasure.erase(caseId, "Hết thời hạn lưu trữ hồ sơ đã đóng (" + settings.days() + " ngày).", SYSTEM_USER,
            ErasureKind.RETENTION_ENDED);
        erased++;
      }
    } while (due.size() == BATCH);
    if (erased > 0) {
      log.info("{} closed case files erased at the end of their retention", erased);
    }
    return erased;
  }
}
