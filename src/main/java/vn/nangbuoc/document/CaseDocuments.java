package vn.nangbuoc.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Documents are kept in the database, with the case: one backup, one transaction, one erasure. */
@Repository
class CaseDocuments {

  private static final String COLUMNS = "id, case_id, kind, file_name, content_type, size_bytes, uploaded_by,"
      + " uploaded_at";

  private final JdbcClient jdbc;

  CaseDocuments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long add(long caseId, DocumentKind kind, String fileName, DocumentType type, byte[] content, String sha256,
      String user, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into case_document (case_id, kind, file_name, content_type, size_bytes, sha256, content,"
            + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, kind.name(), fileName, type.name(), content.length, sha256, content, user, Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  List<CaseDocument> of(long caseId) {
    return jdbc.sql("select " + COLUMNS + " from case_document where case_id = ? order by id").param(caseId)
        .query(this::map).list();
  }

  Optional<CaseDocument> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from case_document where id = ?").param(id).query(this::map).optional();
  }

  byte[] content(long id) {
    return jdbc.sql("select content from case_document where id = ?").param(id).query(byte[].class).single();
  }

  void deleteOf(long caseId) {
    jdbc.sql("delete from case_document where case_id = ?").param(caseId).update();
  }

  private CaseDocument map(ResultSet rs, int row) throws SQLException {
    return new CaseDocument(rs.getLong("id"), rs.getLong("case_id"), DocumentKind.valueOf(rs.getString("kind")),
        rs.getString("file_name"), DocumentType.valueOf(rs.getString("content_type")), rs.getLong("size_bytes"),
        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
  }
}
