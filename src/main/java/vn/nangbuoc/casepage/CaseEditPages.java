package vn.nangbuoc.casepage;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ChildListingReader;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.DisabilityLevel;
import vn.nangbuoc.casefile.DisabilityType;
import vn.nangbuoc.casefile.EditConflictException;
import vn.nangbuoc.casefile.HouseholdStatus;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.system.EngineTime;

/**
 * Correcting a child's case file: caseworkers of the child's area only, and never over someone else's change
 * (optimistic locking on the case file's version).
 */
@PageController
class CaseEditPages {

  private final CaseFileService caseFiles;
  private final EditRule rule;

  CaseEditPages(CaseFileService caseFiles, EditRule rule) {
    this.caseFiles = caseFiles;
    this.rule = rule;
  }

  @GetMapping("/ho-so/{id}/sua")
  String editForm(@PathVariable long id, Model model, Authentication user) {
    CaseFile file = editable(id, user);
    return edit(model, file, CaseForm.of(file, caseFiles.caregiver(id).orElse(null)), null);
  }

  @PostMapping("/ho-so/{id}/sua")
  String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> submitted, Model model,
      Authentication user, HttpServletResponse response, RedirectAttributes redirect) {
    CaseFile file = editable(id, user);
    Map<String, String> form = new HashMap<>(submitted.toSingleValueMap());
    FieldReader fields = FieldReader.of(form);
    ChildListing child = ChildListingReader.read(fields, file.communeCode(), EngineTime.today());
    int version = version(form.get("version"), fields);
    try {
      fields.throwIfInvalid();
      caseFiles.correct(id, version, child, user.getName());
    } catch (EditConflictException conflict) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      CaseFile now = caseFiles.get(id);
      model.addAttribute("latest", CaseForm.of(now, caseFiles.caregiver(id).orElse(null)));
      // the user's values stay in the form; the version becomes the latest, so saving again is a decision
      form.put("version", String.valueOf(now.version()));
      return edit(model, now, form, conflict.getMessage());
    } catch (InvalidInputException invalid) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return edit(model, file, form, invalid.getMessage());
    }
    redirect.addFlashAttribute("saved", "Đã lưu thay đổi của hồ sơ.");
    return "redirect:/ho-so/" + id;
  }

  private String edit(Model model, CaseFile file, Map<String, String> form, String error) {
    model.addAttribute("file", file);
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("conditions", ConditionGroup.values());
    model.addAttribute("relations", CaregiverRelation.values());
    model.addAttribute("households", HouseholdStatus.values());
    model.addAttribute("types", DisabilityType.values());
    model.addAttribute("levels", DisabilityLevel.values());
    return "case/edit";
  }

  private CaseFile editable(long id, Authentication user) {
    CaseFile file = caseFiles.getForUser(id, user.getName());
    rule.require(file, user.getName());
    return file;
  }

  private static int version(String text, FieldReader fields) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException | NullPointerException e) {
      fields.check(false, "Biểu mẫu thiếu phiên bản của hồ sơ: hãy mở lại trang sửa.");
      return -1;
    }
  }
}
