package vn.nangbuoc.casefile;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.nangbuoc.input.VietnameseFormat;

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

  /**
   * A funding request a manager approved (fund.RequestStatus): reserved, waiting for money, settled, or cancelled
   * after its decision when the case closed; a request cancelled before any decision has no decider.
   */
  private static final String APPROVED = "(f.status in ('APPROVED', 'WAITING', 'SETTLED')"
      + " or (f.status = 'CANCELLED' and f.decided_by is not null))";

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
      where.append(query.trail().stepReached()
          ? " and (current_step = :step or exists (select 1 from case_step_record r"
              + " where r.case_id = case_file.id and r.step = :step))"
          : " and current_step = :step");
      params.put("step", query.currentStep());
    }
    trail(query.trail(), where, params);
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

  /** Who approved funding for a child of these communes: the people an auditor can search by. */
  public List<String> approvers(Set<String> communes) {
    if (communes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select distinct f.decided_by from funding_request f join case_file c on c.id = f.case_id"
            + " where c.commune_code in (:communes) and f.decided_by is not null and " + APPROVED)
        .param("communes", new ArrayList<>(communes)).query(String.class).list();
  }

  /** Each criterion a correlated EXISTS or a column of case_file: one statement, whatever the page shows. */
  private static void trail(CaseTrail trail, StringBuilder where, Map<String, Object> params) {
    if (CaseTrail.present(trail.closureOutcome())) {
      where.append(" and closure_outcome = :outcome");
      params.put("outcome", trail.closureOutcome());
    }
    if (trail.bindsDates(CaseTrail.DateKind.LISTED)) {
      where.append(between("listed_at", trail, params));
    }
    if (trail.bindsDates(CaseTrail.DateKind.CLOSED)) {
      where.append(between("closed_at", trail, params));
    }
    if (!trail.bindsFunding()) {
      return;
    }
    where.append(" and exists (select 1 from funding_request f where f.case_id = case_file.id and ").append(APPROVED);
    if (CaseTrail.present(trail.approvedBy())) {
      where.append(" and f.decided_by = :approver");
      params.put("approver", trail.approvedBy().strip());
    }
    if (trail.amountFrom() != null) {
      where.append(" and f.amount >= :amountFrom");
      params.put("amountFrom", trail.amountFrom());
    }
    if (trail.amountTo() != null) {
      where.append(" and f.amount <= :amountTo");
      params.put("amountTo", trail.amountTo());
    }
    if (trail.bindsDates(CaseTrail.DateKind.FUNDING_DECIDED)) {
      where.append(between("f.decided_at", trail, params));
    }
    where.append(")");
  }

  /** From the start of the first day to the start of the day after the last, as days are in Vietnam. */
  private static String between(String column, CaseTrail trail, Map<String, Object> params) {
    StringBuilder bounds = new StringBuilder();
    if (trail.from() != null) {
      bounds.append(" and ").append(column).append(" >= :dateFrom");
      params.put("dateFrom", startOf(trail.from()));
    }
    if (trail.to() != null) {
      bounds.append(" and ").append(column).append(" < :dateTo");
      params.put("dateTo", startOf(trail.to().plusDays(1)));
    }
    return bounds.toString();
  }

  private static Timestamp startOf(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(VietnameseFormat.ZONE).toInstant());
  }
}
