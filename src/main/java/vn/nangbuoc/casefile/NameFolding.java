package vn.nangbuoc.casefile;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as people type them in a search box: without diacritics, in lower case, single spaces.
 * "nguyen van an" then finds "Nguyễn Văn An", and "NGUYEN  VAN AN" too.
 */
public final class NameFolding {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private NameFolding() {
  }

  public static String fold(String name) {
    if (name == null) {
      return null;
    }
    String withoutMarks = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    // đ is a letter of its own, not a d with a mark: NFD leaves it alone. Old keyboards and
    // spreadsheets often type the look-alike Icelandic eth (Ð, ð) for it.
    String plain = withoutMarks.replace('đ', 'd').replace('Đ', 'D').replace('ð', 'd').replace('Ð', 'D');
    return SPACES.matcher(plain.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
  }
}
