package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.nangbuoc.casefile.NameFolding;

/**
 * Fills the searchable folded name of case files listed before V6 added it. In Java because
 * folding Vietnamese diacritics (and đ) has no portable SQL; new and edited case files get it from
 * the repository, with the same {@link NameFolding}.
 */
public class V7__Fold_names_of_existing_case_files extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement select = context.getConnection().createStatement();
        ResultSet rows = select.executeQuery("select id, full_name from case_file where name_folded is null");
        PreparedStatement update = context.getConnection()
            .prepareStatement("update case_file set name_folded = ? where id = ?")) {
      int pending = 0;
      while (rows.next()) {
        update.setString(1, NameFolding.fold(rows.getString(2)));
        update.setLong(2, rows.getLong(1));
        update.addBatch();
        if (++pending == 1000) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }
}
