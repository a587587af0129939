package vn.nangbuoc.reorganisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.security.Roles;

/**
 * The administrator's page for reorganisations: the change sets uploaded, an upload (a file or the text
 * pasted), each one's preview in tables, and Apply and Stop, each with a confirmation. The apply runs beside
 * the request ({@link ReorganisationApplier}); while it runs the page reloads itself to show how far it is.
 * The same services as the API ({@code /api/admin/reorganisations}), administrators only.
 */
@PageController
class ReorganisationPages {

  static final String PATH = "/quan-tri/to-chuc-lai";
  /** A change set is a page of YAML: a megabyte is thousands of communes. */
  static final int MAX_BYTES = 1024 * 1024;
  /** Seconds between two reloads of a page whose apply runs. */
  static final int REFRESH_SECONDS = 3;

  /** What the page shows of one reorganisation. */
  record Shown(Reorganisations.Reorganisation row, String statusLabel, Preview preview,
      ReorganisationRun.Summary summary, Reorganisations.Progress progress, boolean inHand, String refusal) {

    public boolean mayApply() {
      return !inHand && (row.status() == ReorganisationStatus.STOPPED || row.status() == ReorganisationStatus.APPLYING
          || row.status() == ReorganisationStatus.PREVIEWED && preview != null && preview.problems().isEmpty());
    }

    /** A stop asked before the apply's start would be forgotten by it: only one that runs stops. */
    public boolean mayStop() {
      return row.status() == ReorganisationStatus.APPLYING;
    }

    public boolean running() {
      return inHand || row.status() == ReorganisationStatus.APPLYING;
    }
  }

  private final ReorganisationRun run;
  private final ReorganisationList list;
  private final Reorganisations reorganisations;
  private final ReorganisationApplier applier;
  private final Roles roles;
  private final ObjectMapper json;

  ReorganisationPages(ReorganisationRun run, ReorganisationList list, Reorganisations reorganisations,
      ReorganisationApplier applier, Roles roles, ObjectMapper json) {
    this.run = run;
    this.list = list;
    this.reorganisations = reorganisations;
    this.applier = applier;
    this.roles = roles;
    this.json = json;
  }

  @GetMapping(PATH)
  String overview(Model model, Authentication user) {
    requireAdministrator(user);
    model.addAttribute("reorganisations", list.newest(50));
    return "admin/reorganisations";
  }

  /** Reads and previews the change set; one that cannot be read is said beside the field and nothing is kept. */
  @PostMapping(PATH)
  String upload(@RequestParam(name = "tep", required = false) MultipartFile file,
      @RequestParam(name = "noi-dung", defaultValue = "") String pasted, Model model, Authentication user,
      HttpServletResponse response) throws IOException {
    requireAdministrator(user);
    try {
      Reorganisations.Reorganisation uploaded = run.upload(changeSet(file, pasted), user.getName());
      return "redirect:" + PATH + "/" + uploaded.id();
    } catch (InvalidInputException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", refused.getMessage());
      model.addAttribute("pasted", pasted);
      return overview(model, user);
    }
  }

  @GetMapping(PATH + "/{id}")
  String detail(@PathVariable long id, Model model, Authentication user, HttpServletResponse response) {
    requireAdministrator(user);
    Shown shown = shown(id);
    if (shown.running()) {
      // a plain reload, understood by every browser: the pages run no script
      response.setHeader("Refresh", String.valueOf(REFRESH_SECONDS));
    }
    model.addAttribute("r", shown);
    return "admin/reorganisation";
  }

  @PostMapping(PATH + "/{id}/ap-dung")
  String apply(@PathVariable long id, @RequestParam(name = "xac-nhan", required = false) String confirmed,
      Model model, Authentication user, HttpServletResponse response, RedirectAttributes redirect) {
    requireAdministrator(user);
    Shown shown = shown(id);
    if (shown.row().status() == ReorganisationStatus.APPLIED) {
      redirect.addFlashAttribute("notice", "Lần sắp xếp này đã được áp dụng: không có gì thay đổi thêm.");
      return "redirect:" + PATH + "/" + id;
    }
    String refusal = confirmed == null
        ? "Hãy đánh dấu ô xác nhận: áp dụng sẽ chuyển hồ sơ, công việc, quyền và tiền quỹ sang cơ cấu mới."
        : shown.mayApply() ? null : "Chưa áp dụng được: hãy sửa các vấn đề trong bản xem trước rồi tải tệp lên lại.";
    if (refusal != null) {
      return refused(id, refusal, model, response);
    }
    if (!applier.start(id, user.getName())) {
      return refused(id, "Lần sắp xếp này đang được áp dụng.", model, response);
    }
    redirect.addFlashAttribute("notice", "Đã bắt đầu áp dụng. Trang tự tải lại để cho biết tiến độ.");
    return "redirect:" + PATH + "/" + id;
  }

  @PostMapping(PATH + "/{id}/dung")
  String stop(@PathVariable long id, @RequestParam(name = "xac-nhan", required = false) String confirmed,
      Model model, Authentication user, HttpServletResponse response, RedirectAttributes redirect) {
    requireAdministrator(user);
    if (confirmed == null) {
      return refused(id, "Hãy đánh dấu ô xác nhận để tạm dừng.", model, response);
    }
    if (!shown(id).mayStop()) {
      return refused(id, "Lần sắp xếp này không đang được áp dụng: không có gì để tạm dừng.", model, response);
    }
    run.requestStop(id);
    redirect.addFlashAttribute("notice", "Đã yêu cầu tạm dừng: việc áp dụng dừng sau lô đang chạy."
        + " Áp dụng lại sẽ tiếp tục từ chỗ dừng.");
    return "redirect:" + PATH + "/" + id;
  }

  private String refused(long id, String refusal, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("r", shown(id));
    model.addAttribute("refusal", refusal);
    return "admin/reorganisation";
  }

  private Shown shown(long id) {
    Reorganisations.Reorganisation row = run.find(id);
    return new Shown(row, row.status().label(), read(row.preview(), Preview.class),
        read(row.summary(), ReorganisationRun.Summary.class), reorganisations.progress(id), applier.inHand(id),
        applier.refusal(id).orElse(null));
  }

  private <T> T read(String text, Class<T> type) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The stored " + type.getSimpleName() + " cannot be read", e);
    }
  }

  /** The file when one was chosen, else the pasted text. */
  private static String changeSet(MultipartFile file, String pasted) throws IOException {
    if (file != null && !file.isEmpty()) {
      if (file.getSize() > MAX_BYTES) {
        throw new InvalidInputException("Tệp lớn hơn 1 MB: một tệp thay đổi tổ chức không dài như vậy.");
      }
      String text = new String(file.getBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
    if (pasted.length() > MAX_BYTES) {
      throw new InvalidInputException("Nội dung dán vào dài hơn 1 MB: một tệp thay đổi tổ chức không dài như vậy.");
    }
    if (pasted.isBlank()) {
      throw new InvalidInputException("Hãy chọn tệp YAML hoặc dán nội dung của tệp vào ô bên dưới.");
    }
    return pasted;
  }

  private void requireAdministrator(Authentication user) {
    if (!roles.isAdministrator(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên được sắp xếp lại tổ chức.");
    }
  }
}
