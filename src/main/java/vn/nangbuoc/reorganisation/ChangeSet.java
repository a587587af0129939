package vn.nangbuoc.reorganisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.nangbuoc.organisation.OrganisationFile;

/**
 * A reorganisation as an administrator writes it: the organisation file's own sections for what starts
 * (duties, kinds, units, agencies with their groups), then the changes, then who moves to which group.
 * Example: resources/organisation/lang-son-city-2025-reform.yaml.
 *
 * @param effective the day the change takes effect: what ends, ends that day; what starts, starts then
 */
record ChangeSet(String name, LocalDate effective, List<OrganisationFile.Duty> duties,
    List<OrganisationFile.Kind> kinds, List<OrganisationFile.Unit> units, List<OrganisationFile.Agency> agencies,
    List<Change> changes, List<MemberMove> members) {

  ChangeSet {
    changes = changes == null ? List.of() : changes;
    members = members == null ? List.of() : members;
  }

  /** What starts, in the organisation file's shape; units and agencies without a start start on the day. */
  OrganisationFile organisation() {
    List<OrganisationFile.Unit> starting = units == null ? List.of() : units.stream()
        .map(u -> new OrganisationFile.Unit(u.code(), u.name(), u.type(), u.level(), u.parent(),
            u.validFrom() == null ? effective : u.validFrom(), u.validTo(), u.successors()))
        .toList();
    List<OrganisationFile.Agency> startingAgencies = agencies == null ? List.of() : agencies.stream()
        .map(a -> new OrganisationFile.Agency(a.id(), a.kind(), a.unit(), a.name(), a.email(), a.groups(),
            a.duties(), a.capabilities(), a.validFrom() == null ? effective : a.validFrom(), a.validTo(),
            a.successors(), a.substitutes()))
        .toList();
    return new OrganisationFile(duties, kinds, starting, startingAgencies);
  }

  /**
   * One change; exactly one of merge, abolish, moveDuties, rename is given.
   *
   * @param merge units (communes, wards) that end and become the unit {@code into}: their cases move there
   * @param abolish a unit that ends without a replacement (a district tier): its children go to its parent
   * @param successors for the agencies that end with a merged or abolished unit, who takes over their work and
   *     books; an agency not named here is succeeded by the agencies of the same kind of {@code into}
   */
  record Change(List<String> merge, String into, String abolish, Map<String, List<String>> successors,
      DutyMove moveDuties, Rename rename) {

    Change {
      successors = successors == null ? Map.of() : successors;
    }

    int operations() {
      int count = 0;
      count += merge != null ? 1 : 0;
      count += abolish != null ? 1 : 0;
      count += moveDuties != null ? 1 : 0;
      count += rename != null ? 1 : 0;
      return count;
    }
  }

  record DutyMove(String from, String to, List<String> duties) {
  }

  record Rename(String unit, String name, String type) {
  }

  /** A person whose work moves: the groups they leave and join (an office's staff moving to its successor). */
  record MemberMove(String user, List<String> leaves, List<String> joins) {

    MemberMove {
      leaves = leaves == null ? List.of() : leaves;
      joins = joins == null ? List.of() : joins;
    }
  }
}
