package vn.nangbuoc.indicators;

import java.util.List;
import java.util.function.Function;

/** Reads a word of the catalogue's vocabulary; an unknown one is refused with the words there are. */
final class Words {

  private Words() {
  }

  static <E extends Enum<E>> E of(E[] values, Function<E, String> word, String text, String what) {
    for (E value : values) {
      if (word.apply(value).equals(text)) {
        return value;
      }
    }
    throw new IllegalArgumentException(what + " \"" + text + "\" is not one of "
        + String.join(", ", List.of(values).stream().map(word).toList()));
  }
}
