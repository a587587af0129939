package vn.nangbuoc.duplicates;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.nangbuoc.system.EngineTime;

/**
 * Pairs of case files that are probably one child listed twice: the same name without diacritics
 * or case, the same birth date, the same commune, and one of them without a personal ID (two different
 * IDs are two children; the same ID twice is one child enrolled in two plan years, not a duplicate).
 * Pairs a person kept apart are not shown again; merged case files are out.
 */
@Repository
class LikelyDuplicates {

  /** The two case files of a pair, older first; pairs come newest first (the latest listings matter most). */
  public record Pair(long olderId, long newerId) {
  }

  private static final String PAIRS = "select a.id, b.id from case_file a join case_file b"
      + " on b.name_folded = a.name_folded and b.date_of_birth = a.date_of_birth"
      + " and b.commune_code = a.commune_code and b.id > a.id"
      + " where a.commune_code in (:communes) and a.status <> 'MERGED' and b.status <> 'MERGED'"
      + " and (a.personal_id is null or b.personal_id is null)"
      + " and not exists (select 1 from case_kept_apart k where k.case_a = a.id and k.case_b = b.id)";

  private final JdbcClient jdbc;

  LikelyDuplicates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Pair> in(Set<String> communes, int limit) {
    if (communes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(PAIRS + " order by b.id desc, a.id desc fetch first :limit rows only")
        .param("communes", new ArrayList<>(communes)).param("limit", limit)
        .query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2))).list();
  }

  /** Still a likely pair in the user's area (neither merged nor kept apart since the page was read). */
  boolean isPair(long olderId, long newerId, Set<String> communes) {
    return !communes.isEmpty() && jdbc.sql(PAIRS + " and a.id = :older and b.id = :newer")
        .param("communes", new ArrayList<>(communes)).param("older", olderId).param("newer", newerId)
        .query((rs, n) -> rs.getLong(1)).optional().isPresent();
  }

  void keepApart(long olderId, long newerId, String user) {
    jdbc.sql("insert into case_kept_apart (case_a, case_b, decided_by, decided_at) values (?, ?, ?, ?)")
        .params(olderId, newerId, user, Timestamp.from(EngineTime.now())).update();
  }

  void recordMerge(long keptId, long mergedId, String reason, String user) {
    jdbc.sql("insert into case_merge (kept_case_id, merged_case_id, reason, merged_by, merged_at)"
            + " values (?, ?, ?, ?, ?)")
        .params(keptId, mergedId, reason, user, Timestamp.from(EngineTime.now())).update();
  }

  /** An erased case leaves no merge or decision that names it. */
  void forget(long caseId) {
    jdbc.sql("delete from case_merge where kept_case_id = ? or merged_case_id = ?").params(caseId, caseId).update();
    jdbc.sql("delete from case_kept_apart where case_a = ? or case_b = ?").params(caseId, caseId).update();
  }
}
