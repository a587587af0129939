package vn.nangbuoc.reorganisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A digest of everything a preview's verdict on a change set rests on but the cases: the units and their
 * successors, the agencies with their kinds, duties, capabilities, groups, substitutes and successors, the
 * engine's groups and memberships, the deployed decision tables. The same digest at apply as at upload means the
 * upload's preview still speaks for the structure, the staffing of every group and every route of every task kind
 * (docs/performance.md, issue 19 at full size). A few hundred rows: read whole, in a fixed order.
 */
@Component
class OrganisationFingerprint {

  private static final List<String> TABLES = List.of("administrative_unit", "unit_successor", "duty", "agency_kind",
      "agency", "agency_duty", "agency_capability", "agency_group", "agency_substitute", "agency_successor",
      "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_RE_DECISION_DEF");

  private final JdbcClient jdbc;

  OrganisationFingerprint(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String now() {
    MessageDigest digest = sha256();
    for (String table : TABLES) {
      List<String> rows = new ArrayList<>();
      jdbc.sql("select * from " + table).query().listOfRows().forEach(row -> {
        Map<String, Object> columns = new TreeMap<>();
        row.forEach((column, value) -> columns.put(column.toLowerCase(), value));
        rows.add(columns.toString());
      });
      rows.sort(null);
      digest.update((table + rows).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
