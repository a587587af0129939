package vn.nangbuoc.notification;

import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.ChildInitials;

/**
 * How mail names a child: the case number and the initials, nothing more. Mail leaves the system
 * (mail servers, phones, forwarded messages); a name, a finding or an address must not.
 */
record ChildReference(String caseNumber, String initials) {

  static ChildReference of(CaseFile file) {
    return new ChildReference(file.caseNumber(), ChildInitials.of(file.fullName()));
  }
}
