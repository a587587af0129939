package vn.nangbuoc.erasure;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads every row of every table of the application's schema (its own tables and the engine's
 * ACT_* tables alike) and reports where any of the given texts occurs, in text and in binary
 * columns (the engine stores variables and payloads as bytes), and where a {@code case_id} column
 * still holds the given id.
 */
final class DatabaseTraces {

  private DatabaseTraces() {
  }

  static List<String> find(DataSource dataSource, Collection<String> texts, long caseId) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String table : tables(connection)) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              String column = columns.getColumnName(i);
              Object value = rows.getObject(i);
              if (value instanceof Number number && column.equalsIgnoreCase("case_id")
                  && number.longValue() == caseId) {
                found.add(table + "." + column + " = " + caseId);
              }
              String text = text(value);
              for (String needle : texts) {
                if (text != null && text.contains(needle)) {
                  found.add(table + "." + column + " contains \"" + needle + "\"");
                }
              }
            }
          }
        }
      }
    }
    return found;
  }

  static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet result = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
        new String[] {"TABLE"})) {
      while (result.next()) {
        tables.add(result.getString("TABLE_NAME"));
      }
    }
    return tables;
  }

  private static String text(Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value.toString();
  }
}
