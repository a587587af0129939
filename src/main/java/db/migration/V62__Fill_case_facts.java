package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.nangbuoc.facts.FactsBackfill;

/**
 * Fills the report facts (V61) of case files recorded before them. In Java because the step records are JSON text,
 * which has no portable SQL, and because the facts must mean exactly what a step writes today ({@link
 * FactsBackfill}).
 */
public class V62__Fill_case_facts extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    FactsBackfill.fill(context.getConnection());
  }
}
