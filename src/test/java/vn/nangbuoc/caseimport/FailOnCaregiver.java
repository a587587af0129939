package vn.nangbuoc.caseimport;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that makes the database refuse one caregiver, as a full disk or a lost connection
 * would refuse a write in the middle of an import.
 */
public class FailOnCaregiver implements Trigger {

  static final String NAME = "Người Làm Hỏng";

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (NAME.equals(newRow[2])) {
      throw new SQLException("the database refuses this row");
    }
  }
}
