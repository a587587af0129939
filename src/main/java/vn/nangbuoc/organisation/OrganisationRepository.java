package vn.nangbuoc.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

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

  Optional<ResponsibleAgency> findAgency(String kind, String unitCode, String role) {
    return jdbc.sql("select a.id, a.name, a.kind, g.role, g.group_id from agency a"
            + " join agency_group g on g.agency_id = a.id"
            + " where a.kind = ? and a.unit_code = ? and g.role = ?")
        .params(kind, unitCode, role)
        .query((rs, n) -> new ResponsibleAgency(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5)))
        .optional();
  }

  /** Units whose agencies have one of these groups: the areas a member of the groups works in. */
  List<String> findUnitsOfGroups(List<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select distinct a.unit_code from agency a join agency_group g on g.agency_id = a.id"
            + " where g.group_id in (:groups)")
        .param("groups", groupIds)
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
            + " where a.unit_code in (:units) order by g.group_id")
        .param("units", unitCodes)
        .query(String.class)
        .list();
  }

  Optional<Agency> findAgencyOfGroup(String groupId) {
    return jdbc.sql("select a.id, a.kind, a.unit_code, a.name from agency a join agency_group g on g.agency_id = a.id"
            + " where g.group_id = ?").param(groupId)
        .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list().stream().findFirst();
  }

  List<Agency> findAgencies(String kind) {
    return jdbc.sql("select id, kind, unit_code, name from agency where kind = ? order by id").param(kind)
        .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }

  List<String> findGroupsOfTheSameAgency(String groupId) {
    return jdbc.sql("select o.group_id from agency_group g join agency_group o on o.agency_id = g.agency_id"
        + " where g.group_id = ? order by o.group_id").param(groupId).query(String.class).list();
  }

  List<AgencyGroup> findAllAgencyGroups() {
    return jdbc.sql("select a.kind, g.role, g.group_id from agency a join agency_group g on g.agency_id = a.id")
        .query((rs, n) -> new AgencyGroup(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  void upsertUnit(AdministrativeUnit unit) {
    int updated = jdbc.sql("update administrative_unit set name = ?, unit_type = ?, unit_level = ?, parent_code = ?"
            + " where code = ?")
        .params(unit.name(), unit.unitType(), unit.level().name(), unit.parentCode(), unit.code())
        .update();
    if (updated == 0) {
      jdbc.sql("insert into administrative_unit (code, name, unit_type, unit_level, parent_code)"
              + " values (?, ?, ?, ?, ?)")
          .params(unit.code(), unit.name(), unit.unitType(), unit.level().name(), unit.parentCode())
          .update();
    }
  }

  void upsertAgency(String id, String kind, String unitCode, String name, String email) {
    int updated = jdbc.sql("update agency set kind = ?, unit_code = ?, name = ?, email = ? where id = ?")
        .params(kind, unitCode, name, email, id)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into agency (id, kind, unit_code, name, email) values (?, ?, ?, ?, ?)")
          .params(id, kind, unitCode, name, email)
          .update();
    }
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
