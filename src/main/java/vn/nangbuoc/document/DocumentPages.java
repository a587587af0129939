package vn.nangbuoc.document;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.PageController;

/** Adding a document on the case page, and downloading one. */
@PageController
class DocumentPages {

  private final DocumentService documents;

  DocumentPages(DocumentService documents) {
    this.documents = documents;
  }

  @PostMapping("/ho-so/{caseId}/tai-lieu")
  String attach(@PathVariable long caseId, @RequestParam(name = "tep", required = false) MultipartFile file,
      @RequestParam(name = "loai", required = false) DocumentKind kind, Authentication user,
      RedirectAttributes redirect) throws IOException {
    try {
      if (file == null) {
        throw new InvalidInputException("Chưa chọn tệp tài liệu, hoặc tệp rỗng.");
      }
      documents.attach(caseId, kind, file.getOriginalFilename(), file.getBytes(), user.getName());
      redirect.addFlashAttribute("saved", "Đã thêm tài liệu \"" + file.getOriginalFilename() + "\".");
    } catch (InvalidInputException refused) {
      redirect.addFlashAttribute("documentError", refused.getMessage());
    }
    return "redirect:/ho-so/" + caseId + "#them-tai-lieu";
  }

  /**
   * Always as an attachment with the type the content was checked to be, never sniffed: a document
   * is opened by the user's own viewer, not run in the application's pages.
   */
  @GetMapping("/ho-so/{caseId}/tai-lieu/{documentId}")
  ResponseEntity<byte[]> download(@PathVariable long caseId, @PathVariable long documentId, Authentication user,
      HttpServletRequest request) {
    DocumentService.Download download = documents.download(caseId, documentId, user.getName(),
        request.getRemoteAddr());
    CaseDocument document = download.document();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.type().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(download.content());
  }
}
