package vn.nangbuoc.organisation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The organisation as an administrator writes it down (YAML); see resources/organisation/.
 *
 * @param duties the work the routing tables name, with the name people read
 * @param kinds what each kind of agency is called, which duties it serves and what its staff may do
 */
public record OrganisationFile(List<Duty> duties, List<Kind> kinds, List<Unit> units, List<Agency> agencies) {

  /** The reader of organisation files and change sets: a misspelt key is an error, not a missing value. */
  public static ObjectMapper yaml() {
    return new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .findAndRegisterModules();
  }

  public OrganisationFile {
    duties = duties == null ? List.of() : duties;
    kinds = kinds == null ? List.of() : kinds;
    units = units == null ? List.of() : units;
    agencies = agencies == null ? List.of() : agencies;
  }

  public record Duty(String code, String name) {
  }

  public record Kind(String code, String name, List<String> duties, List<Capability> capabilities) {

    public Kind {
      duties = duties == null ? List.of() : duties;
      capabilities = capabilities == null ? List.of() : capabilities;
    }
  }

  /** @param validTo the first day the unit no longer exists (null: it still does) */
  public record Unit(String code, String name, String type, UnitLevel level, String parent, LocalDate validFrom,
      LocalDate validTo, List<String> successors) {

    public Unit {
      successors = successors == null ? List.of() : successors;
    }
  }

  /**
   * @param groups role (STAFF, HEAD, VICE_CHAIRMAN) → Camunda group id
   * @param duties when given, the duties this agency serves instead of its kind's
   * @param capabilities when given, what its staff may do instead of what its kind's may
   * @param substitutes role → who, in order, decides instead of that role's group when one of its members may
   *     not (four eyes: the head prepared the request himself); when not given, what is stored stays
   */
  public record Agency(String id, String kind, String unit, String name, String email, Map<String, String> groups,
      List<String> duties, List<Capability> capabilities, LocalDate validFrom, LocalDate validTo,
      List<String> successors, Map<String, List<Substitute>> substitutes) {

    public Agency {
      groups = groups == null ? Map.of() : groups;
      successors = successors == null ? List.of() : successors;
    }
  }

  /**
   * Who stands in for a role of an agency: a role of the same agency (a deputy) or, with agency, another
   * agency's role (the next tier).
   */
  public record Substitute(String agency, String role) {
  }
}
