package vn.nangbuoc.casefile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds case files in the communes a user works in, a page at a time. */
@Service
public class CaseSearch {

  /** Sort keys the page offers, each a fixed ORDER BY (never text from the request). */
  public static final Map<String, String> SORTS = new LinkedHashMap<>();

  static {
    SORTS.put("moi-nhat", "listed_at desc, id desc");
    SORTS.put("cu-nhat", "listed_at asc, id asc");
    SORTS.put("ten", "name_folded asc, id asc");
    SORTS.put("so-ho-so", "case_number asc");
  }

  public record Row(long id, String caseNumber, String fullName, java.time.LocalDate dateOfBirth, String communeCode,
      ConditionGroup condition, CaseStatus status, String currentStep) {
  }

  public record Page(List<Row> rows, long total, int page, int size) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  private final JdbcClient jdbc;

  CaseSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page search(CaseQuery query, Set<String> communes) {
    int size = Math.max(1, Math.min(query.size(), 100));
    int page = Math.max(0, query.page());
    if (communes.isEmpty()) {
      return new Page(List.of(), 0, page, size);
    }
    StringBuilder where = new StringBuilder(" where commune_code in (:communes)");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("communes", new ArrayList<>(communes));
    if (query.name() != null && !query.name().isBlank()) {
      // the expression PostgreSQL's trigram index is built on (db/vendor/postgresql/V9)
      where.append(" and (' ' || name_folded || ' ') like :name");
      params.put("name", "%" + NameFolding.fold(query.name()) + "%");
    }
    if (query.caseNumber() != null && !query.caseNumber().isBlank()) {
      where.append(" and case_number = :caseNumber");
      params.put("caseNumber", query.caseNumber().strip().toUpperCase());
    }
    if (query.personalId() != null && !query.personalId().isBlank()) {
      where.append(" and personal_id = :personalId");
      params.put("personalId", query.personalId().strip());
    }
    if (query.communeCode() != null && !query.communeCode().isBlank()) {
      where.append(" and commune_code = :commune");
      params.put("commune", query.communeCode());
    }
    if (query.status() != null) {
      where.append(" and status = :status");
      params.put("status", query.status().name());
    }
    if (query.condition() != null) {
      where.append(" and condition_group = :condition");
      params.put("condition", query.condition().name());
    }
    if (query.currentStep() != null && !query.currentStep().isBlank()) {
      where.append(" and current_step = :step");
      params.put("step", query.currentStep());
    }
    String order = SORTS.getOrDefault(query.sort(), SORTS.get("moi-nhat"));
    long total = jdbc.sql("select count(*) from case_file" + where).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<Row> rows = jdbc.sql("select id, case_number, full_name, date_of_birth, commune_code, condition_group, status,"
            + " current_step from case_file" + where + " order by " + order
            + " offset :offset rows fetch next :limit rows only")
        .params(params)
        .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            rs.getString(5), ConditionGroup.valueOf(rs.getString(6)), CaseStatus.valueOf(rs.getString(7)),
            rs.getString(8)))
        .list();
    return new Page(rows, total, page, size);
  }
}
