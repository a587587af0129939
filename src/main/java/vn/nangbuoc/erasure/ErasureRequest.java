package vn.nangbuoc.erasure;

import java.util.HashMap;
import java.util.Map;
import vn.nangbuoc.input.FieldReader;

/** The body of {@code POST /api/admin/case-erasures}; the values as JSON gave them, checked by the reader. */
record ErasureRequest(Object caseNumber, Object reason) {

  FieldReader fields() {
    Map<String, Object> sent = new HashMap<>();
    sent.put("caseNumber", caseNumber);
    sent.put("reason", reason);
    return FieldReader.of(sent);
  }
}
