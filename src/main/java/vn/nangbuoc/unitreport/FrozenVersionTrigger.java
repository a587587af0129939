package vn.nangbuoc.unitreport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * H2's half of the database guard on sent reports (db/vendor/h2/V73; PostgreSQL has the same rules in PL/pgSQL,
 * db/vendor/postgresql/V73): a version's content and figures never change and nothing of it is deleted; only the
 * two decisions the product records may follow, each once, along the process's arrows (the head signs or returns
 * a prepared version, the receiving office accepts or returns a submitted one). A direct SQL statement, a bug or
 * another application that tries anything else fails, and its transaction with it.
 */
public class FrozenVersionTrigger implements Trigger {

  static final Set<String> CONTENT = Set.of("ID", "REPORT_ID", "VERSION", "COMMUNICATION_SESSIONS", "TRAININGS",
      "STAFF_TRAINED", "CAREGIVERS_TAKING_PART", "CHILDREN_TAKING_PART", "DIFFICULTIES", "CORRECTION_REASON",
      "FIGURES_COMPUTED_AT", "PREPARED_BY", "PREPARED_AT");

  private final Map<String, Integer> columns = new HashMap<>();
  private boolean figures;

  @Override
  public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
      int type) throws SQLException {
    figures = tableName.equalsIgnoreCase("unit_report_figure");
    try (ResultSet rs = connection.getMetaData().getColumns(null, schemaName, tableName, null)) {
      while (rs.next()) {
        columns.put(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
      }
    }
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (figures) {
      if (oldRow != null) {
        throw frozen("the figures of report version " + value(oldRow, "VERSION_ID") + " never change");
      }
      String status = statusOf(connection, value(newRow, "VERSION_ID"));
      if (!VersionStatus.PREPARED.name().equals(status)) {
        throw frozen("report version " + value(newRow, "VERSION_ID") + " (" + status + ") takes no more figures");
      }
      return;
    }
    if (newRow == null) {
      throw frozen("report version " + value(oldRow, "ID") + " is never deleted");
    }
    if (oldRow == null) {
      return;
    }
    for (String column : CONTENT) {
      if (!Objects.equals(value(oldRow, column), value(newRow, column))) {
        throw frozen("the content of report version " + value(oldRow, "ID") + " never changes (" + column + ")");
      }
    }
    if (!isDecision(oldRow, newRow)) {
      throw frozen("report version " + value(oldRow, "ID") + " cannot go from " + value(oldRow, "STATUS") + " to "
          + value(newRow, "STATUS") + " with these columns");
    }
  }

  /** The head's decision on a prepared version, or the receiving office's on a submitted one: each once. */
  private boolean isDecision(Object[] old, Object[] now) {
    Object from = value(old, "STATUS");
    Object to = value(now, "STATUS");
    boolean firstReason = value(old, "RETURN_REASON") == null;
    if (VersionStatus.PREPARED.name().equals(from) && (VersionStatus.SUBMITTED.name().equals(to)
        || VersionStatus.RETURNED_AT_SIGN_OFF.name().equals(to))) {
      return firstReason && setOnce(old, now, "SIGNED_BY") && setOnce(old, now, "SIGNED_AT")
          && value(now, "REVIEWED_BY") == null && value(now, "REVIEWED_AT") == null;
    }
    if (VersionStatus.SUBMITTED.name().equals(from) && (VersionStatus.ACCEPTED.name().equals(to)
        || VersionStatus.RETURNED_BY_RECEIVER.name().equals(to))) {
      return firstReason && unchanged(old, now, "SIGNED_BY") && unchanged(old, now, "SIGNED_AT")
          && setOnce(old, now, "REVIEWED_BY") && setOnce(old, now, "REVIEWED_AT");
    }
    return false;
  }

  private boolean setOnce(Object[] old, Object[] now, String column) {
    return value(old, column) == null && value(now, column) != null;
  }

  private boolean unchanged(Object[] old, Object[] now, String column) {
    return Objects.equals(value(old, column), value(now, column));
  }

  private Object value(Object[] row, String column) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new IllegalStateException("no column " + column + " in the guarded table");
    }
    return row[index];
  }

  private static String statusOf(Connection connection, Object versionId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "select status from unit_report_version where id = ?")) {
      select.setObject(1, versionId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static SQLException frozen(String why) {
    return new SQLException("A sent unit report never changes: " + why + ".", "23514");
  }
}
