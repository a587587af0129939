package vn.nangbuoc.listing;

import java.util.Collections;
import vn.nangbuoc.input.FieldReader;

/** The body of {@code POST /api/cases/{id}/move}; the value as JSON gave it, checked by the reader. */
record MoveRequest(Object communeCode) {

  FieldReader fields() {
    return FieldReader.of(Collections.singletonMap("communeCode", communeCode));
  }
}
