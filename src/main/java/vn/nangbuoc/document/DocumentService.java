package vn.nangbuoc.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineTime;

/**
 * Documents of a case: consent forms, medical reports, photos. Whoever may read the case reads its
 * documents (each download is in the access log); whoever works on it adds them; auditors only read.
 */
@Service
@EnableConfigurationProperties(DocumentSettings.class)
@Order(0)
public class DocumentService implements CaseDataEraser {

  /** What a download sends. */
  public record Download(CaseDocument document, byte[] content) {
  }

  private final CaseDocuments documents;
  private final CaseFileService caseFiles;
  private final CaseAccessLog accessLog;
  private final Roles roles;
  private final DocumentSettings settings;

  DocumentService(CaseDocuments documents, CaseFileService caseFiles, CaseAccessLog accessLog, Roles roles,
      DocumentSettings settings) {
    this.documents = documents;
    this.caseFiles = caseFiles;
    this.accessLog = accessLog;
    this.roles = roles;
    this.settings = settings;
  }

  @Transactional
  public long attach(long caseId, DocumentKind kind, String fileName, byte[] content, String userId) {
    CaseFile file = caseFiles.getForUser(caseId, userId);
    if (!mayAttach(userId)) {
      throw new ForbiddenException(roles.auditorsOnlyRead("thêm tài liệu"));
    }
    if (kind == null) {
      throw new InvalidInputException("Hãy chọn loại tài liệu.");
    }
    if (content.length == 0) {
      throw new InvalidInputException("Chưa chọn tệp tài liệu, hoặc tệp rỗng.");
    }
    if (content.length > settings.maxFileSize().toBytes()) {
      throw new InvalidInputException("Tài liệu lớn hơn giới hạn " + settings.maxFileSize().toMegabytes()
          + " MB: hãy chụp hoặc quét với độ phân giải thấp hơn.");
    }
    DocumentType type = DocumentType.checked(content);
    return documents.add(file.id(), kind, safeName(fileName, type), type, content, sha256(content), userId,
        EngineTime.now());
  }

  /** Everyone who may open a case adds documents to it, but auditors: they read and change nothing. */
  public boolean mayAttach(String userId) {
    return !roles.isAuditor(userId);
  }

  public List<CaseDocument> of(long caseId) {
    return documents.of(caseId);
  }

  /** The document, if the user may read its case; the read is logged like a read of the case. */
  @Transactional
  public Download download(long caseId, long documentId, String userId, String remoteAddress) {
    CaseFile file = caseFiles.getForUser(caseId, userId);
    CaseDocument document = documents.find(documentId).filter(found -> found.caseId() == file.id())
        .orElseThrow(() -> new NotFoundException("Hồ sơ này không có tài liệu số " + documentId + "."));
    accessLog.record(file.id(), userId, CaseAccessLog.Channel.DOCUMENT, remoteAddress);
    return new Download(document, documents.content(documentId));
  }

  @Override
  public void erase(CaseFile file) {
    documents.deleteOf(file.id());
  }

  /** The name as uploaded, without a path, ending in what the content is. */
  private static String safeName(String fileName, DocumentType type) {
    String name = fileName == null ? "" : fileName.replaceAll(".*[\\\\/]", "").replaceAll("[\\p{Cntrl}\"]", "")
        .strip();
    if (name.isEmpty()) {
      name = "tai-lieu";
    }
    if (name.length() > 200) {
      name = name.substring(0, 200);
    }
    String lower = name.toLowerCase();
    boolean fits = lower.endsWith("." + type.extension()) || (type == DocumentType.JPEG && lower.endsWith(".jpeg"));
    return fits ? name : name + "." + type.extension();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
