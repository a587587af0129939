package vn.nangbuoc.indicators;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineTime;

/**
 * Denominators the system cannot count (the children with disabilities living in a commune, from the commune's
 * statistics; its children aged 0–6), entered by the unit's offices per plan year, with who entered them and when.
 * A unit without its own figure counts the sum of its communes' figures.
 */
@Service
class Denominators {

  /** A figure as entered. */
  record Entry(String population, String unitCode, int planYear, long amount, String enteredBy, Instant enteredAt) {
  }

  private final JdbcClient jdbc;
  private final IndicatorCatalogue catalogue;
  private final ReportScope scope;
  private final Roles roles;

  Denominators(JdbcClient jdbc, IndicatorCatalogue catalogue, ReportScope scope, Roles roles) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.scope = scope;
    this.roles = roles;
  }

  /** Enters (or replaces) the figure of a unit and year; only the staff of the unit's area, never auditors. */
  @Transactional
  Entry enter(String population, String unitCode, Integer planYear, Long amount, String userId) {
    if (population == null || !catalogue.populations().contains(population)) {
      throw new InvalidInputException("Không có mẫu số \"" + population + "\". Các mẫu số nhập được: "
          + String.join(", ", catalogue.populations()) + ".");
    }
    if (planYear == null || planYear < 2000 || planYear > 2100) {
      throw new InvalidInputException("Năm kế hoạch phải từ 2000 đến 2100.");
    }
    if (amount == null || amount < 0 || amount > 100_000_000) {
      throw new InvalidInputException("Số liệu phải là số nguyên từ 0 đến 100.000.000.");
    }
    if (roles.isAuditor(userId) || roles.isAdministrator(userId)) {
      throw new ForbiddenException("Thanh tra và quản trị hệ thống không nhập số liệu báo cáo.");
    }
    ReportScope.Area area = scope.readable(unitCode, userId);
    Instant now = EngineTime.now();
    jdbc.sql("delete from report_denominator where population = ? and unit_code = ? and plan_year = ?")
        .params(population, area.unit().code(), planYear).update();
    jdbc.sql("insert into report_denominator (population, unit_code, plan_year, amount, entered_by, entered_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(population, area.unit().code(), planYear, amount, userId, Timestamp.from(now)).update();
    return new Entry(population, area.unit().code(), planYear, amount, userId, now);
  }

  /** The figures entered for a unit and its communes for a year. */
  List<Entry> of(ReportScope.Area area, int planYear) {
    List<String> units = new java.util.ArrayList<>(area.communes());
    units.add(area.unit().code());
    return jdbc.sql("select population, unit_code, plan_year, amount, entered_by, entered_at from report_denominator"
            + " where plan_year = :year and unit_code in (:units) order by population, unit_code")
        .param("year", planYear).param("units", units)
        .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
            rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** A population's figure for the unit and for each of its communes that has one. */
  record Figures(Optional<Long> total, Map<String, Long> byCommune) {
  }

  Figures figures(String population, ReportScope.Area area, List<Entry> entries) {
    Map<String, Long> byCommune = new HashMap<>();
    Long own = null;
    for (Entry entry : entries) {
      if (!entry.population().equals(population)) {
        continue;
      }
      if (entry.unitCode().equals(area.unit().code())) {
        own = entry.amount();
      }
      if (area.communes().contains(entry.unitCode())) {
        byCommune.put(entry.unitCode(), entry.amount());
      }
    }
    Optional<Long> total = own != null ? Optional.of(own)
        : byCommune.isEmpty() ? Optional.empty() : Optional.of(byCommune.values().stream().mapToLong(Long::longValue)
            .sum());
    return new Figures(total, byCommune);
  }
}
