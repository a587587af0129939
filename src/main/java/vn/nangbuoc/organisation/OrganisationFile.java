package vn.nangbuoc.organisation;

import java.util.List;
import java.util.Map;

/** The organisation as an administrator writes it down (YAML); see resources/organisation/. */
record OrganisationFile(List<Unit> units, List<Agency> agencies) {

  record Unit(String code, String name, String type, UnitLevel level, String parent) {
  }

  /** @param groups role (STAFF, HEAD, VICE_CHAIRMAN) → Camunda group id */
  record Agency(String id, String kind, String unit, String name, String email, Map<String, String> groups) {
  }
}
