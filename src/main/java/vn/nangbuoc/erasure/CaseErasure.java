package vn.nangbuoc.erasure;

import java.sql.Timestamp;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.casefile.Caregiver;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineTime;

/**
 * Erases a child's case file: the case file, everything each feature keeps about the child
 * ({@link CaseDataEraser}), the pathway and the engine's history of it, all in one transaction.
 * What stays is a record that a case was erased, by whom, when and why; the fund's books keep the
 * amounts without the child.
 */
@Service
public class CaseErasure {

  private static final Logger log = LoggerFactory.getLogger(CaseErasure.class);
  static final int MIN_REASON = 10;
  static final int MAX_REASON = 1000;

  private final CaseFileService caseFiles;
  private final List<CaseDataEraser> erasers;
  private final EngineErasure engine;
  private final JdbcClient jdbc;

  CaseErasure(CaseFileService caseFiles, List<CaseDataEraser> erasers, EngineErasure engine, JdbcClient jdbc) {
    this.caseFiles = caseFiles;
    this.erasers = erasers;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @Transactional
  public void erase(long caseId, String reason, String userId, ErasureKind kind) {
    CaseFile file = caseFiles.get(caseId);
    String why = checkedReason(reason, file, caseFiles.caregiver(caseId).orElse(null));
    eraseWithMerged(file);
    jdbc.sql("insert into case_erasure (kind, reason, erased_by, erased_at) values (?, ?, ?, ?)")
        .params(kind.name(), why, userId, Timestamp.from(EngineTime.now())).update();
    log.info("A case file was erased ({}) by {}", kind, userId);
  }

  /** Case files merged into this one are the same child: they go first, then this one. */
  private void eraseWithMerged(CaseFile file) {
    for (CaseFile merged : caseFiles.mergedInto(file.id())) {
      eraseWithMerged(merged);
    }
    if (file.processInstanceId() != null) {
      engine.erase(file.processInstanceId());
    }
    erasers.forEach(eraser -> eraser.erase(file));
    caseFiles.delete(file.id());
  }

  /** A reason an auditor can read later, and that does not itself name the child it erases. */
  private static String checkedReason(String reason, CaseFile file, Caregiver caregiver) {
    FieldReader fields = FieldReader.of(Collections.singletonMap("reason", reason));
    String why = fields.optionalText("reason", "lý do xóa hồ sơ", MAX_REASON);
    fields.throwIfInvalid();
    if (why == null || why.length() < MIN_REASON) {
      throw new InvalidInputException("Hãy ghi lý do xóa hồ sơ (ít nhất " + MIN_REASON + " ký tự), ví dụ căn cứ"
          + " văn bản yêu cầu xóa.");
    }
    if (ReasonNamesTheChild.test(why, file, caregiver)) {
      throw new InvalidInputException("Lý do xóa không được ghi họ tên, số định danh, số điện thoại hay số hồ sơ"
          + " của trẻ: bản ghi lý do được giữ lại sau khi hồ sơ đã xóa.");
    }
    return why;
  }
}
