package vn.nangbuoc.engine;

import java.util.Set;

/**
 * What must never reach the engine's runtime or history tables.
 *
 * <p>Form fields whose names start with {@link #FIELD_PREFIX} carry a child's personal or medical
 * details (identification number, caregiver contacts, findings). Their listeners move them into the
 * case file and remove them before the command commits; {@link ProtectedHistoryLevel} makes sure no
 * history event is written for them in between. Decisions listed here take such details as input,
 * so their evaluations are not kept in history either.
 */
public final class SensitiveData {

  public static final String FIELD_PREFIX = "record_";

  static final Set<String> DECISIONS_WITH_SENSITIVE_INPUT = Set.of("surgery-eligibility");

  private SensitiveData() {
  }

  public static boolean isSensitiveVariable(String name) {
    return name != null && name.startsWith(FIELD_PREFIX);
  }
}
