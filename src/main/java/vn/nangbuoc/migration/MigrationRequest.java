package vn.nangbuoc.migration;

import java.util.Collections;
import vn.nangbuoc.input.FieldReader;

/** The body of {@code POST /api/admin/pathway-migrations}; the value as JSON gave it, checked by the reader. */
record MigrationRequest(Object fromVersion) {

  FieldReader fields() {
    return FieldReader.of(Collections.singletonMap("fromVersion", fromVersion));
  }
}
