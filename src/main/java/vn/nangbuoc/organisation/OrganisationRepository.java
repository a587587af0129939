package vn.nangbuoc.organisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.nangbuoc.system.EngineTime;

@Repository
class OrganisationRepository {

  /** An agency row that exists on :day (valid_to is the first day it no longer does). */
  private static final String ACTIVE_ON_DAY =
      "(a.valid_from is null or a.valid_from <= :day) and (a.valid_to is null or a.valid_to > :day)";

  private final JdbcClient jdbc;

  OrganisationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AdministrativeUnit> findUnit(String code) {
    return jdbc.sql("select code, name, unit_type, unit_level, parent_code from administrative_unit where code = ?")
        .param(code)
        .query((rs, n) -> new AdministrativeUnit(rs.getString(1), rs.getString(2), rs.getString(3),
            UnitLevel.valueOf(rs.getString(4)), rs.getString(5)))
        .optional();
  }

  List<AdministrativeUnit> findChildren(String parentCode) {
    return jdbc.sql("select code, name, unit_type, unit_level, parent_code from administrative_unit"
            + " where parent_code = ? order by name")
        .param(parentCode)
        .query((rs, n) -> new AdministrativeUnit(rs.getString(1), rs.getString(2), rs.getString(3),
            UnitLevel.valueOf(rs.getString(4)), rs.getString(5)))
        .list();
  }

  /**
   * The agency of the unit that serves the duty in the role, on the day. An agency serves the duties its
   * row lists and, for routing tables and running cases written before duties existed, its own kind's code.
   */
  Optional<ResponsibleAgency> findAgency(String duty, String unitCode, String role, LocalDate day) {
    return jdbc.sql("select a.id, a.name, a.kind, g.role, g.group_id from agency a"
            + " join agency_group g on g.agency_id = a.id"
            + " where a.unit_code = :unit and g.role = :role and " + ACTIVE_ON_DAY
            + " and (exists (select 1 from agency_duty d where d.agency_id = a.id and d.duty = :duty)"
            + " or a.kind = :duty)"
            + " order by case when a.kind = :duty then 1 else 0 end, a.id")
        .param("unit", unitCode).param("role", role).param("duty", duty).param("day", day)
        .query((rs, n) -> new ResponsibleAgency(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)))
        .list().stream().findFirst();
  }

  /** Units whose agencies have one of these groups: the areas a member of the groups works in. */
  List<String> findUnitsOfGroups(List<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select distinct a.unit_code from agency a join agency_group g on g.agency_id = a.id"
            + " where g.group_id in (:groups) and " + ACTIVE_ON_DAY)
        .param("groups", groupIds).param("day", EngineTime.today())
        .query(String.class)
        .list();
  }

  Optional<String> findGroup(String agencyId, String role) {
    return jdbc.sql("select group_id from agency_group where agency_id = ? and role = ?").params(agencyId, role)
        .query(String.class).optional();
  }

  Optional<String> findAgencyEmail(String agencyId) {
    return jdbc.sql("select email from agency where id = ?").param(agencyId).query(String.class).optional();
  }

  List<String> findGroupsOfUnits(List<String> unitCodes) {
    if (unitCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select g.group_id from agency a join agency_group g on g.agency_id = a.id"
            + " where a.unit_code in (:units) and " + ACTIVE_ON_DAY + " order by g.group_id")
        .param("units", unitCodes).param("day", EngineTime.today())
        .query(String.class)
        .list();
  }

  Optional<String> findAgencyName(String agencyId) {
    return jdbc.sql("select name from agency where id = ?").param(agencyId).query(String.class).optional();
  }

  Optional<Agency> findAgencyOfGroup(String groupId) {
    return jdbc.sql("select a.id, a.kind, a.unit_code, a.name from agency a join agency_group g on g.agency_id = a.id"
            + " where g.group_id = ?").param(groupId)
        .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list().stream().findFirst();
  }

  List<String> findGroupsOfTheSameAgency(String groupId) {
    return jdbc.sql("select o.group_id from agency_group g join agency_group o on o.agency_id = g.agency_id"
        + " where g.group_id = ? order by o.group_id").param(groupId).query(String.class).list();
  }

  /** The groups of today's agencies: an agency that ended gives its members no work and no rights. */
  List<AgencyGroup> findAllAgencyGroups() {
    return jdbc.sql("select a.kind, g.role, g.group_id from agency a join agency_group g on g.agency_id = a.id"
            + " where " + ACTIVE_ON_DAY)
        .param("day", EngineTime.today())
        .query((rs, n) -> new AgencyGroup(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The groups of today's agencies whose staff have the capability, in any role. */
  List<AgencyGroup> findGroupsWith(Capability capability) {
    return jdbc.sql("select a.kind, g.role, g.group_id from agency a join agency_group g on g.agency_id = a.id"
            + " join agency_capability c on c.agency_id = a.id where c.capability = :capability and " + ACTIVE_ON_DAY
            + " order by g.group_id")
        .param("capability", capability.name()).param("day", EngineTime.today())
        .query((rs, n) -> new AgencyGroup(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The same, of today's agencies of one unit only. */
  List<AgencyGroup> findGroupsWith(Capability capability, String unitCode) {
    return jdbc.sql("select a.kind, g.role, g.group_id from agency a join agency_group g on g.agency_id = a.id"
            + " join agency_capability c on c.agency_id = a.id where c.capability = :capability"
            + " and a.unit_code = :unit and " + ACTIVE_ON_DAY + " order by g.group_id")
        .param("capability", capability.name()).param("unit", unitCode).param("day", EngineTime.today())
        .query((rs, n) -> new AgencyGroup(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The names of the kinds of agency, existing today, whose staff have the capability. */
  List<String> findKindNamesWith(Capability capability, LocalDate day) {
    return jdbc.sql("select distinct k.name from agency a join agency_kind k on k.code = a.kind"
            + " join agency_capability c on c.agency_id = a.id where c.capability = :capability and "
            + ACTIVE_ON_DAY + " order by k.name")
        .param("capability", capability.name()).param("day", day)
        .query(String.class).list();
  }

  /** The agencies, ended ones too, whose staff have the capability: the funds, for HOLD_FUND. */
  List<Agency> findAgenciesWith(Capability capability) {
    return jdbc.sql("select a.id, a.kind, a.unit_code, a.name from agency a"
            + " join agency_capability c on c.agency_id = a.id where c.capability = ? order by a.id")
        .param(capability.name())
        .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }

  Optional<LocalDate> findUnitEnd(String code) {
    return jdbc.sql("select valid_to from administrative_unit where code = ? and valid_to is not null").param(code)
        .query((rs, n) -> rs.getDate(1).toLocalDate()).optional();
  }

  List<String> findUnitSuccessors(String code) {
    return jdbc.sql("select successor_code from unit_successor where unit_code = ? order by successor_code")
        .param(code).query(String.class).list();
  }

  Set<String> findUnitCodes() {
    return new HashSet<>(jdbc.sql("select code from administrative_unit").query(String.class).list());
  }

  Set<String> findAgencyIds() {
    return new HashSet<>(jdbc.sql("select id from agency").query(String.class).list());
  }

  Optional<String> findDutyName(String code) {
    return jdbc.sql("select name from duty where code = ?").param(code).query(String.class).optional()
        .or(() -> jdbc.sql("select name from agency_kind where code = ?").param(code).query(String.class)
            .optional());
  }

  void upsertUnit(AdministrativeUnit unit, LocalDate validFrom, LocalDate validTo) {
    int updated = jdbc.sql("update administrative_unit set name = ?, unit_type = ?, unit_level = ?, parent_code = ?,"
            + " valid_from = ?, valid_to = ? where code = ?")
        .params(unit.name(), unit.unitType(), unit.level().name(), unit.parentCode(), validFrom, validTo, unit.code())
        .update();
    if (updated == 0) {
      jdbc.sql("insert into administrative_unit (code, name, unit_type, unit_level, parent_code, valid_from, valid_to)"
              + " values (?, ?, ?, ?, ?, ?, ?)")
          .params(unit.code(), unit.name(), unit.unitType(), unit.level().name(), unit.parentCode(), validFrom,
              validTo)
          .update();
    }
  }

  void upsertAgency(String id, String kind, String unitCode, String name, String email, LocalDate validFrom,
      LocalDate validTo) {
    int updated = jdbc.sql("update agency set kind = ?, unit_code = ?, name = ?, email = ?, valid_from = ?,"
            + " valid_to = ? where id = ?")
        .params(kind, unitCode, name, email, validFrom, validTo, id)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into agency (id, kind, unit_code, name, email, valid_from, valid_to)"
              + " values (?, ?, ?, ?, ?, ?, ?)")
          .params(id, kind, unitCode, name, email, validFrom, validTo)
          .update();
    }
  }

  void upsertKind(String code, String name) {
    if (jdbc.sql("update agency_kind set name = ? where code = ?").params(name, code).update() == 0) {
      jdbc.sql("insert into agency_kind (code, name) values (?, ?)").params(code, name).update();
    }
  }

  void upsertDuty(String code, String name) {
    if (jdbc.sql("update duty set name = ? where code = ?").params(name, code).update() == 0) {
      jdbc.sql("insert into duty (code, name) values (?, ?)").params(code, name).update();
    }
  }

  /** What the agency serves and may do, as the file says now: earlier rows of the agency go. */
  void replaceDutiesAndCapabilities(String agencyId, Collection<String> duties, Collection<Capability> capabilities) {
    jdbc.sql("delete from agency_duty where agency_id = ?").param(agencyId).update();
    jdbc.sql("delete from agency_capability where agency_id = ?").param(agencyId).update();
    duties.forEach(duty -> jdbc.sql("insert into agency_duty (agency_id, duty) values (?, ?)")
        .params(agencyId, duty).update());
    capabilities.forEach(capability -> jdbc.sql("insert into agency_capability (agency_id, capability) values (?, ?)")
        .params(agencyId, capability.name()).update());
  }

  void replaceUnitSuccessors(String unitCode, Collection<String> successors) {
    jdbc.sql("delete from unit_successor where unit_code = ?").param(unitCode).update();
    successors.forEach(successor -> jdbc.sql("insert into unit_successor (unit_code, successor_code) values (?, ?)")
        .params(unitCode, successor).update());
  }

  void replaceAgencySuccessors(String agencyId, Collection<String> successors) {
    jdbc.sql("delete from agency_successor where agency_id = ?").param(agencyId).update();
    successors.forEach(successor -> jdbc.sql("insert into agency_successor (agency_id, successor_id) values (?, ?)")
        .params(agencyId, successor).update());
  }

  /** The agency's substitutes, as the file lists them now: earlier rows of the agency go. */
  void replaceSubstitutes(String agencyId, Map<String, List<OrganisationFile.Substitute>> substitutes) {
    jdbc.sql("delete from agency_substitute where agency_id = ?").param(agencyId).update();
    substitutes.forEach((role, list) -> {
      for (int i = 0; list != null && i < list.size(); i++) {
        OrganisationFile.Substitute substitute = list.get(i);
        jdbc.sql("insert into agency_substitute (agency_id, role, preference, substitute_agency_id, substitute_role)"
                + " values (?, ?, ?, ?, ?)")
            .params(agencyId, role, i, substitute.agency() == null ? agencyId : substitute.agency(), substitute.role())
            .update();
      }
    });
  }

  /** Who, existing today and with a group, decides instead of the agency's role, in the file's order. */
  List<ResponsibleAgency> findSubstitutes(String agencyId, String role) {
    return jdbc.sql("select a.id, a.name, a.kind, g.role, g.group_id from agency_substitute s"
            + " join agency a on a.id = s.substitute_agency_id"
            + " join agency_group g on g.agency_id = a.id and g.role = s.substitute_role"
            + " where s.agency_id = :agency and s.role = :role and " + ACTIVE_ON_DAY + " order by s.preference")
        .param("agency", agencyId).param("role", role).param("day", EngineTime.today())
        .query((rs, n) -> new ResponsibleAgency(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)))
        .list();
  }

  void upsertAgencyGroup(String agencyId, String role, String groupId) {
    int updated = jdbc.sql("update agency_group set group_id = ? where agency_id = ? and role = ?")
        .params(groupId, agencyId, role)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into agency_group (agency_id, role, group_id) values (?, ?, ?)")
          .params(agencyId, role, groupId)
          .update();
    }
  }
}
