package vn.nangbuoc.organisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import vn.nangbuoc.system.EngineLimits;

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
   * The agency of this kind nearest to the commune: the commune's own (a People's Committee),
   * else its city's or district's, else its province's.
   */
  public ResponsibleAgency responsibleAgency(String kind, String role, String communeCode) {
    for (AdministrativeUnit unit : unitAndAncestors(communeCode)) {
      Optional<ResponsibleAgency> agency = repository.findAgency(kind, unit.code(), role);
      if (agency.isPresent()) {
        return agency.get();
      }
    }
    throw new AgencyNotFoundException(kind, role, communeCode);
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

  public List<Agency> agencies(String kind) {
    return repository.findAgencies(kind);
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
