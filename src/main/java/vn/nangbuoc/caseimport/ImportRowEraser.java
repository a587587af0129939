package vn.nangbuoc.caseimport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;

/**
 * Imports keep how many rows they had and what became of them; the rows that created, named or
 * still hold an erased child lose the link, the case number and the typed details.
 */
@Component
class ImportRowEraser implements CaseDataEraser {

  static final String ERASED = "(hồ sơ đã xóa)";

  private final JdbcClient jdbc;

  ImportRowEraser(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(CaseFile file) {
    jdbc.sql("update case_import_row set case_id = null, message = ?, cells = null where case_id = ?"
            + " or message like ?")
        .params(ERASED, file.id(), "%" + file.caseNumber() + "%").update();
    if (file.personalId() != null) {
      jdbc.sql("update case_import_row set cells = null where cells like ?")
          .param("%\"" + file.personalId() + "\"%").update();
    }
  }
}
