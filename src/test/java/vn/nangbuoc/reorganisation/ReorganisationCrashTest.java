package vn.nangbuoc.reorganisation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The crash-and-resume scenario on embedded H2 databases; the crash is an H2 trigger ({@link CrashOnce}). */
class ReorganisationCrashTest extends ReorganisationCrashScenario {

  @Override
  List<String> database(String name) {
    return List.of("--spring.datasource.url=jdbc:h2:mem:nangbuoc-reform-" + name + ";DB_CLOSE_DELAY=-1");
  }

  @Override
  String[] profiles() {
    return new String[] {"test"};
  }

  @Override
  void armCrash(JdbcClient jdbc, int n) {
    CrashOnce.arm(n, CRASH);
    jdbc.sql("create trigger crash_once before insert on ACT_RU_IDENTITYLINK for each row call '"
        + CrashOnce.class.getName() + "'").update();
  }

  @Override
  void disarmCrash(JdbcClient jdbc) {
    jdbc.sql("drop trigger crash_once").update();
  }
}
