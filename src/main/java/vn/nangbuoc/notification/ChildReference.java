package vn.nangbuoc.notification;

import java.util.Arrays;
import java.util.stream.Collectors;
import vn.nangbuoc.casefile.CaseFile;

/**
 * How mail names a child: the case number and the initials, nothing more. Mail leaves the system
 * (mail servers, phones, forwarded messages); a name, a finding or an address must not.
 */
record ChildReference(String caseNumber, String initials) {

  static ChildReference of(CaseFile file) {
    return new ChildReference(file.caseNumber(), initials(file.fullName()));
  }

  static String initials(String fullName) {
    return Arrays.stream(fullName.strip().split("\\s+"))
        .filter(word -> !word.isEmpty())
        .map(word -> word.substring(0, 1).toUpperCase() + ".")
        .collect(Collectors.joining());
  }
}
