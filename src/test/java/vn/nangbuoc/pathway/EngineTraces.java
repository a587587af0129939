package vn.nangbuoc.pathway;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads every row of the engine's ACT_* tables, text and binary columns alike (the engine keeps
 * variables as bytes), for a refused submission's value or variable name: a refusal stores nothing.
 */
final class EngineTraces {

  private EngineTraces() {
  }

  /** The columns holding {@code text} anywhere in them, or exactly {@code name}. */
  static List<String> columnsHolding(JdbcTemplate jdbc, String text, String name) {
    List<String> found = new ArrayList<>();
    for (String table : jdbc.queryForList("select table_name from information_schema.tables where upper(table_name)"
        + " like 'ACT\\_%' and table_schema not in ('information_schema', 'pg_catalog')", String.class)) {
      jdbc.query("select * from " + table, (ResultSet row) -> {
        ResultSetMetaData meta = row.getMetaData();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
          String value = text(row.getObject(column));
          if (value != null && (value.contains(text) || value.equals(name))) {
            found.add(table + "." + meta.getColumnName(column));
          }
        }
      });
    }
    return found;
  }

  private static String text(Object value) throws SQLException {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value == null ? null : String.valueOf(value);
  }
}
