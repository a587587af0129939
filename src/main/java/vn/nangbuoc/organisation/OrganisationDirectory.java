package vn.nangbuoc.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineTime;

/** Answers questions about the organisation: units, who serves a commune, where a user works. */
@Service
public class OrganisationDirectory {

  private final OrganisationRepository repository;
  private final IdentityService identityService;

  OrganisationDirectory(OrganisationRepository repository, IdentityService identityService) {
    this.repository = repository;
    this.identityService = identityService;
  }

  public Optional<AdministrativeUnit> unit(String code) {
    return code == null ? Optional.empty() : repository.findUnit(code);
  }

  /** A unit that no longer exists: since when, and the units that took it over. */
  public record UnitEnd(LocalDate since, List<AdministrativeUnit> successors) {
  }

  /** Whether the unit has ended by today (a merged commune, an abolished district), and who took it over. */
  public Optional<UnitEnd> ended(String code) {
    return repository.findUnitEnd(code).filter(day -> !day.isAfter(EngineTime.today()))
        .map(day -> new UnitEnd(day, repository.findUnitSuccessors(code).stream().map(this::unit)
            .flatMap(Optional::stream).toList()));
  }

  /** The unit itself, then its parent, up to the province. */
  public List<AdministrativeUnit> unitAndAncestors(String code) {
    List<AdministrativeUnit> chain = new ArrayList<>();
    Optional<AdministrativeUnit> current = unit(code);
    while (current.isPresent() && chain.size() < 5) {
      chain.add(current.get());
      current = unit(current.get().parentCode());
    }
    return chain;
  }

  /** The city/district a commune belongs to; where there is none (after the 2025 reform), the province. */
  public AdministrativeUnit numberingUnitOf(String communeCode) {
    List<AdministrativeUnit> chain = unitAndAncestors(communeCode);
    return chain.stream().filter(u -> u.level() == UnitLevel.DISTRICT).findFirst()
        .orElse(chain.get(chain.size() - 1));
  }

  /**
   * The agency that serves the duty nearest to the commune, existing today: the commune's own (its
   * People's Committee, its culture–social office), else its city's or district's, else its province's.
   * A routing table written before duties existed names an agency kind: an agency serves its kind too.
   */
  public ResponsibleAgency responsibleAgency(String duty, String role, String communeCode) {
    LocalDate today = EngineTime.today();
    for (AdministrativeUnit unit : unitAndAncestors(communeCode)) {
      Optional<ResponsibleAgency> agency = repository.findAgency(duty, unit.code(), role, today);
      if (agency.isPresent()) {
        return agency.get();
      }
    }
    throw new AgencyNotFoundException(dutyName(duty), role, communeCode);
  }

  /**
   * Who the organisation names, in order, to decide instead of the agency's group in the role when one of its
   * members may not decide (four eyes): a deputy of the same agency, the next tier. Empty when it names nobody.
   */
  public List<ResponsibleAgency> substitutesOf(ResponsibleAgency agency) {
    return repository.findSubstitutes(agency.agencyId(), agency.role());
  }

  /** What people call the duty (or, for a routing table of before duties, the agency kind it names). */
  public String dutyName(String duty) {
    return repository.findDutyName(duty).orElse(duty);
  }

  /** The groups of every agency whose staff have the capability (any role; callers pick the role). */
  public List<AgencyGroup> groupsWith(Capability capability) {
    return repository.findGroupsWith(capability);
  }

  /** Groups of today's agencies of one unit whose staff have the capability (a fund's keepers: its unit's). */
  public List<AgencyGroup> groupsWith(Capability capability, String unitCode) {
    return repository.findGroupsWith(capability, unitCode);
  }

  /**
   * The kinds of agency (today's) whose staff have the capability, by name, joined for a sentence:
   * "Ủy ban nhân dân xã/phường, Phòng Lao động – Thương binh và Xã hội".
   */
  public String kindsWith(Capability capability) {
    List<String> names = repository.findKindNamesWith(capability, EngineTime.today());
    return names.isEmpty() ? "cơ quan được giao" : String.join(", ", names);
  }

  /** The agencies whose staff have the capability, ended ones too (a fund that ended keeps its books). */
  public List<Agency> agenciesWith(Capability capability) {
    return repository.findAgenciesWith(capability);
  }

  /** Every group of every agency whose area includes the commune: they may read its children's cases. */
  public List<String> groupsServing(String communeCode) {
    return repository.findGroupsOfUnits(unitAndAncestors(communeCode).stream().map(AdministrativeUnit::code).toList());
  }

  /** The group of an agency's head, who hears of its overdue work. */
  public Optional<String> headGroupOf(String agencyId) {
    return repository.findGroup(agencyId, "HEAD");
  }

  /** The agency's own mailbox, for when no head is in the identity service. */
  public Optional<String> emailOf(String agencyId) {
    return repository.findAgencyEmail(agencyId).filter(email -> !email.isBlank());
  }

  /** What an agency (ended ones too) is called. */
  public Optional<String> agencyName(String agencyId) {
    return agencyId == null ? Optional.empty() : repository.findAgencyName(agencyId);
  }

  /** The agency a group belongs to (any role), if the group is the organisation's. */
  public Optional<Agency> agencyOfGroup(String groupId) {
    return repository.findAgencyOfGroup(groupId);
  }

  /** The groups of the agency the group belongs to, itself included; empty for a group of no agency. */
  public List<String> groupsOfTheSameAgency(String groupId) {
    return repository.findGroupsOfTheSameAgency(groupId);
  }

  public List<AgencyGroup> agencyGroups() {
    return repository.findAllAgencyGroups();
  }

  /** Communes in the area of the agencies the user belongs to. */
  public Set<String> communesOf(String userId) {
    List<String> groupIds = identityService.createGroupQuery().groupMember(userId)
        .listPage(0, EngineLimits.SMALL_LIST).stream()
        .map(Group::getId).toList();
    Set<String> communes = new HashSet<>();
    for (String unitCode : repository.findUnitsOfGroups(groupIds)) {
      collectCommunes(unitCode, communes);
    }
    return communes;
  }

  /**
   * The communes of a unit (itself, for a commune), ended ones too: reports on old data find the communes of a
   * city that no longer exists.
   */
  public Set<String> communesUnder(String unitCode) {
    Set<String> communes = new java.util.TreeSet<>();
    collectCommunes(unitCode, communes);
    return communes;
  }

  private void collectCommunes(String unitCode, Set<String> communes) {
    Optional<AdministrativeUnit> unit = unit(unitCode);
    if (unit.isEmpty()) {
      return;
    }
    if (unit.get().level() == UnitLevel.COMMUNE) {
      communes.add(unitCode);
      return;
    }
    for (AdministrativeUnit child : repository.findChildren(unitCode)) {
      collectCommunes(child.code(), communes);
    }
  }
}
