package vn.nangbuoc.escalation;

import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;

/** The record of a case's overdue tasks goes with the case. */
@Component
class EscalationEraser implements CaseDataEraser {

  private final EscalationRecords records;

  EscalationEraser(EscalationRecords records) {
    this.records = records;
  }

  @Override
  public void erase(CaseFile file) {
    records.eraseCase(file.id());
  }
}
