package vn.nangbuoc.listing;

import java.util.Collections;
import vn.nangbuoc.input.FieldReader;

/** The body of {@code POST /api/cases/{id}/withdrawal}; the value as JSON gave it, checked by the reader. */
record WithdrawalRequest(Object reason) {

  FieldReader fields() {
    return FieldReader.of(Collections.singletonMap("reason", reason));
  }
}
