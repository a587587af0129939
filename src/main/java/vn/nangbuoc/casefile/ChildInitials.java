package vn.nangbuoc.casefile;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a child is named outside the case file (mails, task names in the engine): the initials of the full
 * name, "Nguyễn Văn An" → "N.V.A.", which let a caseworker tell two children of one list apart and say
 * nothing to anyone else.
 */
public final class ChildInitials {

  private ChildInitials() {
  }

  public static String of(String fullName) {
    return Arrays.stream(fullName.strip().split("\\s+"))
        .filter(word -> !word.isEmpty())
        .map(word -> word.substring(0, 1).toUpperCase() + ".")
        .collect(Collectors.joining());
  }
}
