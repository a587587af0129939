package vn.nangbuoc.caseimport;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.nangbuoc.casefile.CaseCoordinator;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.listing.PathwayStarter;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.Roles;

/** Importing a commune's list: upload, preview every row, confirm or cancel. Caseworkers only. */
@PageController
class ImportPages {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final CaseImportService imports;
  private final PathwayStarter starter;
  private final OrganisationDirectory organisation;
  private final Roles roles;
  private final CaseCoordinator coordinator;

  ImportPages(CaseImportService imports, PathwayStarter starter, OrganisationDirectory organisation, Roles roles,
      CaseCoordinator coordinator) {
    this.imports = imports;
    this.starter = starter;
    this.organisation = organisation;
    this.roles = roles;
    this.coordinator = coordinator;
  }

  @GetMapping("/ho-so/nhap")
  String upload(Model model, Authentication user) {
    requireCaseworker(user);
    model.addAttribute("recent", imports.recent(user.getName()));
    model.addAttribute("columns", ImportColumn.values());
    return "case/import";
  }

  @GetMapping("/ho-so/nhap/mau.xlsx")
  ResponseEntity<byte[]> xlsxTemplate(Authentication user) {
    requireCaseworker(user);
    List<String> communes = organisation.communesOf(user.getName()).stream().map(organisation::unit)
        .flatMap(Optional::stream).map(AdministrativeUnit::name).sorted().toList();
    return download(ImportTemplates.xlsx(communes), "mau-danh-sach-tre.xlsx", XLSX);
  }

  @GetMapping("/ho-so/nhap/mau.csv")
  ResponseEntity<byte[]> csvTemplate(Authentication user) {
    requireCaseworker(user);
    return download(ImportTemplates.csv(), "mau-danh-sach-tre.csv", new MediaType("text", "csv"));
  }

  @PostMapping("/ho-so/nhap")
  String preview(@RequestParam(name = "tep", required = false) MultipartFile file, Model model,
      Authentication user, HttpServletResponse response) throws IOException {
    requireCaseworker(user);
    try {
      if (file == null || file.isEmpty()) {
        throw new InvalidInputException("Chưa chọn tệp danh sách để tải lên.");
      }
      long id = imports.preview(file.getOriginalFilename(), file.getBytes(), user.getName());
      return "redirect:/ho-so/nhap/" + id;
    } catch (InvalidInputException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", refused.getMessage());
      return upload(model, user);
    }
  }

  @GetMapping("/ho-so/nhap/{id}")
  String show(@PathVariable long id, Model model, Authentication user) {
    requireCaseworker(user);
    CaseImport upload = imports.get(id, user.getName());
    List<RowResult> rows = imports.rows(id, user.getName());
    Map<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);
    Arrays.stream(RowOutcome.values()).forEach(outcome -> counts.put(outcome, 0L));
    counts.putAll(rows.stream().collect(Collectors.groupingBy(RowResult::outcome, Collectors.counting())));
    model.addAttribute("upload", upload);
    model.addAttribute("rows", rows);
    model.addAttribute("counts", counts);
    model.addAttribute("earlier", imports.confirmedEarlier(upload).orElse(null));
    Set<String> area = organisation.communesOf(user.getName());
    model.addAttribute("communes", area.stream().map(organisation::unit)
        .flatMap(Optional::stream).collect(Collectors.toMap(AdministrativeUnit::code, Function.identity())));
    model.addAttribute("heldBy", coordinator.nameFor(area));
    return "case/import-preview";
  }

  @PostMapping("/ho-so/nhap/{id}/xac-nhan")
  String confirm(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    requireCaseworker(user);
    CaseImportService.Confirmed confirmed;
    try {
      confirmed = imports.confirm(id, user.getName());
    } catch (InvalidInputException refused) {
      return refusedAtTheButtons(id, refused, redirect);
    }
    int created = confirmed.createdCaseIds().size();
    if (created <= imports.startNowUpTo()) {
      starter.start(confirmed.createdCaseIds());
      redirect.addFlashAttribute("notice", "Đã tạo " + created + " hồ sơ mới và bắt đầu lộ trình của từng trẻ.");
    } else {
      redirect.addFlashAttribute("notice", "Đã tạo " + created + " hồ sơ mới; lộ trình của các trẻ đang được"
          + " khởi động và sẽ xuất hiện trong danh sách công việc sau ít phút.");
    }
    return "redirect:/ho-so/nhap/" + id;
  }

  @PostMapping("/ho-so/nhap/{id}/huy")
  String cancel(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    requireCaseworker(user);
    try {
      imports.cancel(id, user.getName());
    } catch (InvalidInputException refused) {
      return refusedAtTheButtons(id, refused, redirect);
    }
    redirect.addFlashAttribute("notice", "Đã hủy lượt nhập: không hồ sơ nào được tạo.");
    return "redirect:/ho-so/nhap/" + id;
  }

  /** The list was decided meanwhile (in another tab): the preview again, the refusal where its buttons were. */
  private static String refusedAtTheButtons(long id, InvalidInputException refused, RedirectAttributes redirect) {
    redirect.addFlashAttribute("refusal", refused.getMessage());
    return "redirect:/ho-so/nhap/" + id + "#xac-nhan";
  }

  private void requireCaseworker(Authentication user) {
    roles.requireCaseworker(user.getName(), "nhập danh sách trẻ");
  }

  private static ResponseEntity<byte[]> download(byte[] content, String fileName, MediaType type) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .contentType(type)
        .body(content);
  }
}
