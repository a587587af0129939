package vn.nangbuoc.casefile;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listings held instead of refused: a child whose personal ID already has a case file outside the
 * lister's area. Refusing ("the child has a case elsewhere") would tell any commune who is in the
 * programme; a held listing creates no case file, answers like an accepted one, and waits for the
 * area office of the existing case, which sees it next to its likely duplicates. What the lister is
 * told, on every channel, is {@link HeldMessages}'s.
 */
@Repository
public class HeldListings implements CaseDataEraser {

  /**
   * How the listing came: one by one over the API, a row of an imported list, Tasklist's start form,
   * or a personal ID typed into an existing case (the case page's edit, a returned listing completed).
   */
  public enum Source {
    API, IMPORT, START_FORM, EDIT
  }

  public record Held(long id, long matchedCaseId, String communeCode, String fullName, LocalDate dateOfBirth,
      String listedBy, Instant listedAt, Source source) {
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate apart;

  HeldListings(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.apart = new TransactionTemplate(transactions);
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public void hold(CaseFile matched, ChildListing child, String userId, Instant at, Source source) {
    jdbc.sql("insert into held_listing (matched_case_id, commune_code, full_name, date_of_birth, listed_by, listed_at,"
            + " source) values (?, ?, ?, ?, ?, ?, ?)")
        .params(matched.id(), child.communeCode(), child.fullName(), Date.valueOf(child.dateOfBirth()), userId,
            Timestamp.from(at), source.name())
        .update();
  }

  /**
   * Holds a listing whose channel then refuses (a start from Tasklist, an edit): the refusal rolls back
   * the caller's transaction (the engine's start, the case's update), the held listing must stay.
   */
  public void holdApart(CaseFile matched, ChildListing child, String userId, Instant at, Source source) {
    apart.executeWithoutResult(status -> hold(matched, child, userId, at, source));
  }

  /** Open held listings of these communes' cases: what their area office has to resolve. */
  public List<Held> openIn(Collection<String> communes) {
    if (communes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select h.id, h.matched_case_id, h.commune_code, h.full_name, h.date_of_birth, h.listed_by,"
            + " h.listed_at, h.source from held_listing h join case_file c on c.id = h.matched_case_id"
            + " where h.resolved_at is null and c.commune_code in (:communes) order by h.id")
        .param("communes", communes)
        .query((rs, n) -> new Held(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getDate(5).toLocalDate(), rs.getString(6), rs.getTimestamp(7).toInstant(),
            Source.valueOf(rs.getString(8))))
        .list();
  }

  /** Resolved: the typed details are no longer needed and go. */
  public boolean resolve(long id, Collection<String> communes, String userId, Instant at) {
    return !communes.isEmpty() && jdbc.sql("update held_listing set resolved_by = :user, resolved_at = :at,"
            + " full_name = '', date_of_birth = date '1900-01-01' where id = :id and resolved_at is null"
            + " and matched_case_id in (select id from case_file where commune_code in (:communes))")
        .param("user", userId).param("at", Timestamp.from(at)).param("id", id).param("communes", communes)
        .update() == 1;
  }

  @Override
  public void erase(CaseFile file) {
    jdbc.sql("delete from held_listing where matched_case_id = ?").param(file.id()).update();
  }
}
