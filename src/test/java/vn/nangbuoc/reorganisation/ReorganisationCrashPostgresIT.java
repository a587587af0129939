package vn.nangbuoc.reorganisation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.PostgresTestDatabase;

/**
 * The crash-and-resume scenario on PostgreSQL, each city on a database of its own; the crash is a PL/pgSQL
 * trigger counting with a sequence (outside the transaction, as the rows rolled back count too).
 */
class ReorganisationCrashPostgresIT extends ReorganisationCrashScenario {

  @Override
  List<String> database(String name) {
    return List.of("--spring.datasource.url=" + PostgresTestDatabase.another("reform" + name),
        "--spring.datasource.username=postgres", "--spring.datasource.password=");
  }

  @Override
  String[] profiles() {
    return new String[] {"test", "postgres"};
  }

  @Override
  void armCrash(JdbcClient jdbc, int n) {
    jdbc.sql("create sequence crash_once_rows").update();
    jdbc.sql("create function crash_once() returns trigger language plpgsql as $$ begin"
        + " if nextval('crash_once_rows') = " + n + " then raise exception '" + CRASH + "'; end if;"
        + " return new; end $$").update();
    jdbc.sql("create trigger crash_once before insert on act_ru_identitylink for each row"
        + " execute function crash_once()").update();
  }

  @Override
  void disarmCrash(JdbcClient jdbc) {
    jdbc.sql("drop trigger crash_once on act_ru_identitylink").update();
    jdbc.sql("drop function crash_once()").update();
    jdbc.sql("drop sequence crash_once_rows").update();
  }
}
