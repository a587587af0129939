package vn.nangbuoc.listing;

import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;

/** An erased case's pathway, if it still waited to start, never starts. */
@Component
class PendingPathwayEraser implements CaseDataEraser {

  private final PendingPathways pending;

  PendingPathwayEraser(PendingPathways pending) {
    this.pending = pending;
  }

  @Override
  public void erase(CaseFile file) {
    pending.remove(file.id());
  }
}
