package vn.nangbuoc.casefile;

/**
 * A feature that keeps data about a child outside the case file's own tables (mails, the access
 * log, fund requests, imports, ...). When a case file is erased, each one removes, or strips of the
 * child, what it keeps, in the erasing transaction and before the case file itself goes.
 */
public interface CaseDataEraser {

  void erase(CaseFile file);
}
