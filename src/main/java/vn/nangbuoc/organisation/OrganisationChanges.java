package vn.nangbuoc.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The changes a reorganisation makes to units and agencies, each safe to make twice: ending a unit or an
 * agency on a day and naming its successors, giving a unit's children to another parent, moving duties
 * from one agency to another, renaming. Nothing is deleted: what ended stays for the history of its cases.
 */
@Component
public class OrganisationChanges {

  private final JdbcClient jdbc;
  private final OrganisationRepository repository;

  OrganisationChanges(JdbcClient jdbc, OrganisationRepository repository) {
    this.jdbc = jdbc;
    this.repository = repository;
  }

  /** The unit, ended or not. */
  public Optional<AdministrativeUnit> unit(String code) {
    return repository.findUnit(code);
  }

  public Optional<Agency> agency(String id) {
    return jdbc.sql("select id, kind, unit_code, name from agency where id = ?").param(id)
        .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
  }

  /** The agencies serving the unit itself on the day (not those of its children). */
  public List<Agency> agenciesOfUnit(String unitCode, LocalDate day) {
    return jdbc.sql("select id, kind, unit_code, name from agency a where unit_code = :unit and"
            + " (a.valid_from is null or a.valid_from <= :day) and (a.valid_to is null or a.valid_to > :day)"
            + " order by id")
        .param("unit", unitCode).param("day", day)
        .query((rs, n) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }

  /** The unit and every unit below it, ended ones too: the area whose cases a change may touch. */
  public List<String> unitAndDescendants(String unitCode) {
    List<String> all = new ArrayList<>();
    List<String> level = List.of(unitCode);
    while (!level.isEmpty() && all.size() < 100_000) {
      all.addAll(level);
      level = jdbc.sql("select code from administrative_unit where parent_code in (:parents)")
          .param("parents", level).query(String.class).list();
    }
    return all;
  }

  public List<String> groupsOf(String agencyId) {
    return jdbc.sql("select group_id from agency_group where agency_id = ? order by role").param(agencyId)
        .query(String.class).list();
  }

  public List<String> dutiesOf(String agencyId) {
    return jdbc.sql("select duty from agency_duty where agency_id = ? order by duty").param(agencyId)
        .query(String.class).list();
  }

  public boolean has(String agencyId, Capability capability) {
    return jdbc.sql("select count(*) from agency_capability where agency_id = ? and capability = ?")
        .params(agencyId, capability.name()).query(Integer.class).single() > 0;
  }

  /** Ends the unit on the day (unless it ended earlier) and adds its successors. */
  public void endUnit(String code, LocalDate day, Collection<String> successors) {
    jdbc.sql("update administrative_unit set valid_to = ? where code = ? and (valid_to is null or valid_to > ?)")
        .params(day, code, day).update();
    for (String successor : successors) {
      jdbc.sql("insert into unit_successor (unit_code, successor_code) select ?, ? where not exists"
              + " (select 1 from unit_successor where unit_code = ? and successor_code = ?)")
          .params(code, successor, code, successor).update();
    }
  }

  /** Ends the agency on the day (unless it ended earlier) and adds its successors. */
  public void endAgency(String id, LocalDate day, Collection<String> successors) {
    jdbc.sql("update agency set valid_to = ? where id = ? and (valid_to is null or valid_to > ?)")
        .params(day, id, day).update();
    for (String successor : successors) {
      jdbc.sql("insert into agency_successor (agency_id, successor_id) select ?, ? where not exists"
              + " (select 1 from agency_successor where agency_id = ? and successor_id = ?)")
          .params(id, successor, id, successor).update();
    }
  }

  public List<String> successorsOfAgency(String id) {
    return jdbc.sql("select successor_id from agency_successor where agency_id = ? order by successor_id").param(id)
        .query(String.class).list();
  }

  /** The children of a unit that still exist on the day go to another parent (a tier that ends). */
  public int reparentChildren(String of, String to, LocalDate day) {
    return jdbc.sql("update administrative_unit set parent_code = ? where parent_code = ?"
            + " and (valid_to is null or valid_to > ?)")
        .params(to, of, day).update();
  }

  /** The duties go from one agency to another; the receiving agency keeps what it served already. */
  public void moveDuties(String from, String to, Collection<String> duties) {
    for (String duty : duties) {
      jdbc.sql("delete from agency_duty where agency_id = ? and duty = ?").params(from, duty).update();
      jdbc.sql("insert into agency_duty (agency_id, duty) select ?, ? where not exists"
              + " (select 1 from agency_duty where agency_id = ? and duty = ?)")
          .params(to, duty, to, duty).update();
    }
  }

  public void renameUnit(String code, String name, String unitType) {
    jdbc.sql("update administrative_unit set name = coalesce(?, name), unit_type = coalesce(?, unit_type)"
        + " where code = ?").params(name, unitType, code).update();
  }
}
