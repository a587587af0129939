package vn.nangbuoc.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What makes an organisation file unusable, said in Vietnamese before anything of it is stored: a name
 * that points nowhere, and above all two agencies that would both get the same work for the same unit
 * (several agencies of one kind in one unit are fine when their duties differ).
 */
final class OrganisationFileCheck {

  private OrganisationFileCheck() {
  }

  static List<String> problemsOf(OrganisationFile file) {
    return problemsOf(file, Set.of(), Set.of());
  }

  /**
   * @param storedUnits units already stored, which the file may name without describing (a change set adds
   *     communes to the province that exists)
   * @param storedAgencies agencies already stored, which the file may name as successors
   */
  static List<String> problemsOf(OrganisationFile file, Set<String> storedUnits, Set<String> storedAgencies) {
    List<String> problems = new ArrayList<>();
    Set<String> duties = file.duties().stream().map(OrganisationFile.Duty::code).collect(Collectors.toSet());
    Map<String, OrganisationFile.Kind> kinds = new HashMap<>();
    file.kinds().forEach(kind -> kinds.put(kind.code(), kind));
    Set<String> units = file.units().stream().map(OrganisationFile.Unit::code).collect(Collectors.toSet());
    units.addAll(storedUnits);
    Set<String> agencyIds = file.agencies().stream().map(OrganisationFile.Agency::id).collect(Collectors.toSet());
    agencyIds.addAll(storedAgencies);

    for (OrganisationFile.Kind kind : file.kinds()) {
      kind.duties().stream().filter(duty -> !duties.contains(duty)).forEach(duty ->
          problems.add("Loại cơ quan " + kind.code() + " làm nhiệm vụ " + duty + " chưa khai báo ở mục duties."));
    }
    for (OrganisationFile.Unit unit : file.units()) {
      if (unit.parent() != null && !units.contains(unit.parent())) {
        problems.add("Đơn vị " + unit.code() + " thuộc đơn vị " + unit.parent() + " chưa có.");
      }
      unit.successors().stream().filter(successor -> !units.contains(successor)).forEach(successor ->
          problems.add("Đơn vị kế thừa " + successor + " của " + unit.code() + " chưa có."));
      checkDates(unit.code(), unit.validFrom(), unit.validTo(), problems);
    }
    Set<String> groupIds = new HashSet<>();
    for (OrganisationFile.Agency agency : file.agencies()) {
      if (!kinds.containsKey(agency.kind())) {
        problems.add("Cơ quan " + agency.id() + " thuộc loại " + agency.kind() + " chưa khai báo ở mục kinds.");
      }
      if (!units.contains(agency.unit())) {
        problems.add("Cơ quan " + agency.id() + " phục vụ đơn vị " + agency.unit() + " chưa có.");
      }
      if (agency.duties() != null) {
        agency.duties().stream().filter(duty -> !duties.contains(duty)).forEach(duty ->
            problems.add("Cơ quan " + agency.id() + " làm nhiệm vụ " + duty + " chưa khai báo ở mục duties."));
      }
      agency.successors().stream().filter(successor -> !agencyIds.contains(successor)).forEach(successor ->
          problems.add("Cơ quan kế thừa " + successor + " của " + agency.id() + " chưa có."));
      agency.groups().values().stream().filter(group -> !groupIds.add(group)).forEach(group ->
          problems.add("Nhóm " + group + " được khai báo cho hơn một vai trò hoặc cơ quan."));
      checkDates(agency.id(), agency.validFrom(), agency.validTo(), problems);
    }
    Map<String, OrganisationFile.Agency> agencies = new HashMap<>();
    file.agencies().forEach(agency -> agencies.put(agency.id(), agency));
    file.agencies().forEach(agency -> checkSubstitutes(agency, agencies, storedAgencies, problems));
    problems.addAll(sameWorkTwice(file, kinds));
    return problems;
  }

  /**
   * Each substitute names a role that has a group: the agency's own (a deputy) or, with agency, another agency's
   * (the next tier). An agency only stored, not in the file, is taken as named: its groups are not in the file.
   */
  private static void checkSubstitutes(OrganisationFile.Agency agency, Map<String, OrganisationFile.Agency> agencies,
      Set<String> storedAgencies, List<String> problems) {
    if (agency.substitutes() == null) {
      return;
    }
    agency.substitutes().forEach((role, substitutes) -> {
      String of = "Người thay thế vai trò " + role + " của cơ quan " + agency.id();
      if (!agency.groups().containsKey(role)) {
        problems.add(of + ": cơ quan không có nhóm cho vai trò " + role + ".");
      }
      for (OrganisationFile.Substitute substitute : substitutes == null ? List.<OrganisationFile.Substitute>of()
          : substitutes) {
        String target = substitute.agency() == null ? agency.id() : substitute.agency();
        OrganisationFile.Agency other = agencies.get(target);
        if (substitute.role() == null || substitute.role().isBlank()) {
          problems.add(of + ": cần ghi vai trò (role) của người thay thế.");
        } else if (other == null && !storedAgencies.contains(target)) {
          problems.add(of + ": cơ quan " + target + " chưa có.");
        } else if (other != null && !other.groups().containsKey(substitute.role())) {
          problems.add(of + ": cơ quan " + target + " không có nhóm cho vai trò " + substitute.role() + ".");
        } else if (target.equals(agency.id()) && substitute.role().equals(role)) {
          problems.add(of + ": không thể là chính vai trò đó.");
        }
      }
    });
  }

  /** The duties the agency serves: its own list when it has one, else its kind's. */
  static List<String> dutiesOf(OrganisationFile.Agency agency, Map<String, OrganisationFile.Kind> kinds) {
    if (agency.duties() != null) {
      return agency.duties();
    }
    OrganisationFile.Kind kind = kinds.get(agency.kind());
    return kind == null ? List.of() : kind.duties();
  }

  private static List<String> sameWorkTwice(OrganisationFile file, Map<String, OrganisationFile.Kind> kinds) {
    List<String> problems = new ArrayList<>();
    List<OrganisationFile.Agency> agencies = file.agencies();
    for (int i = 0; i < agencies.size(); i++) {
      for (int j = i + 1; j < agencies.size(); j++) {
        OrganisationFile.Agency one = agencies.get(i);
        OrganisationFile.Agency other = agencies.get(j);
        if (!one.unit().equals(other.unit()) || !overlap(one, other)) {
          continue;
        }
        Set<String> sharedRoles = new HashSet<>(one.groups().keySet());
        sharedRoles.retainAll(other.groups().keySet());
        for (String duty : dutiesOf(one, kinds)) {
          if (dutiesOf(other, kinds).contains(duty) && !sharedRoles.isEmpty()) {
            problems.add("Hai cơ quan " + one.id() + " và " + other.id() + " cùng làm nhiệm vụ " + duty
                + " (vai trò " + String.join(", ", sharedRoles) + ") cho đơn vị " + one.unit()
                + ": mỗi cơ quan cần danh sách nhiệm vụ (duties) riêng.");
          }
        }
      }
    }
    return problems;
  }

  private static boolean overlap(OrganisationFile.Agency one, OrganisationFile.Agency other) {
    return before(one.validFrom(), other.validTo()) && before(other.validFrom(), one.validTo());
  }

  /** Whether a period starting at from begins before one ending at to (nulls are open ends). */
  private static boolean before(LocalDate from, LocalDate to) {
    return from == null || to == null || from.isBefore(to);
  }

  private static void checkDates(String code, LocalDate from, LocalDate to, List<String> problems) {
    if (from != null && to != null && !from.isBefore(to)) {
      problems.add(code + ": ngày hết hiệu lực (validTo) phải sau ngày bắt đầu (validFrom).");
    }
  }
}
