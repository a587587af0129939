package vn.nangbuoc.unitreport;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.nangbuoc.input.InvalidInputException;

/** A period refused for what its fields say: every problem at once, each beside its field on the page. */
class InvalidPeriodException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final transient Map<String, String> fields;

  InvalidPeriodException(Map<String, String> fields) {
    super(String.join(" ", fields.values()));
    this.fields = Map.copyOf(new LinkedHashMap<>(fields));
  }

  /** Field of the request (code, name, from, communeDeadline…) → what is wrong with it. */
  Map<String, String> fields() {
    return fields;
  }
}
