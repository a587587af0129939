package vn.nangbuoc.erasure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.Caregiver;
import vn.nangbuoc.casefile.NameFolding;

/**
 * Whether an erasure's reason, kept after the case is gone, would still say who the child was:
 * two words of the child's name (not counting "Văn", "Thị") in any order, with or without
 * diacritics, in any case; the personal ID or the caregiver's phone however its digits are grouped
 * ("001 219 000 601", "0912.345.678", "+84 912 345 678"); the case number.
 */
final class ReasonNamesTheChild {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  /**
   * Middle names half the children share, and words of every official letter ("văn bản", "thi
   * hành"): they do not count towards the two words.
   */
  private static final Set<String> COMMON = Set.of("van", "thi");
  /** Digits with spaces, dots, dashes or slashes between them: one number as people write it. */
  private static final Pattern NUMBER = Pattern.compile("\\+?\\d(?:[\\s.\\-/()]*\\d)*");

  private ReasonNamesTheChild() {
  }

  static boolean test(String reason, CaseFile file, Caregiver caregiver) {
    String folded = NameFolding.fold(reason);
    return twoWordsOfName(folded, file.fullName())
        || containsNumber(reason, file.personalId())
        || (caregiver != null && containsNumber(reason, caregiver.phone()))
        || folded.replaceAll("\\s+", "").contains(NameFolding.fold(file.caseNumber()).replaceAll("\\s+", ""));
  }

  private static boolean twoWordsOfName(String foldedReason, String fullName) {
    Set<String> nameWords = new HashSet<>(words(NameFolding.fold(fullName)));
    nameWords.removeAll(COMMON);
    if (nameWords.size() < 2) {
      return nameWords.stream().anyMatch(words(foldedReason)::contains);
    }
    Set<String> said = new HashSet<>(words(foldedReason));
    said.retainAll(nameWords);
    return said.size() >= 2;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  private static boolean containsNumber(String reason, String number) {
    String digits = digitsOf(number);
    if (digits.length() < 6) {
      return false;
    }
    Matcher m = NUMBER.matcher(reason);
    while (m.find()) {
      String written = digitsOf(m.group());
      if (written.contains(digits) || written.contains(national(digits)) || national(written).contains(digits)) {
        return true;
      }
    }
    return false;
  }

  /** A Vietnamese phone written with +84 in place of its leading 0. */
  private static String national(String digits) {
    return digits.startsWith("84") && digits.length() >= 11 ? "0" + digits.substring(2)
        : digits.startsWith("0") ? "84" + digits.substring(1) : digits;
  }

  private static String digitsOf(String text) {
    return text == null ? "" : text.replaceAll("\\D", "");
  }
}
