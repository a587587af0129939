package vn.nangbuoc.casepage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.nangbuoc.audit.AccessLogReaders;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.security.PersonNames;

/**
 * Who read a child's case, when and through what, newest first: the API's access log as a page, for those the API
 * lets read it. It names the case by its number only, so reading it is no read of the child.
 */
@PageController
class AccessLogPage {

  static final int PAGE_SIZE = 100;

  private final AccessLogReaders readers;
  private final CaseAccessLog accessLog;
  private final PersonNames people;

  AccessLogPage(AccessLogReaders readers, CaseAccessLog accessLog, PersonNames people) {
    this.readers = readers;
    this.accessLog = accessLog;
    this.people = people;
  }

  @GetMapping("/ho-so/{id}/nhat-ky-truy-cap")
  String page(@PathVariable long id, @RequestParam(name = "trang", defaultValue = "1") int page, Model model,
      Authentication user) {
    CaseFile file = readers.caseFor(id, user.getName());
    long total = accessLog.count(file.id());
    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(Math.max(page, 1), pages) - 1;
    Map<String, String> names = new HashMap<>();
    List<AccessLogRow> rows = accessLog.page(file.id(), shown, PAGE_SIZE).stream()
        .map(read -> new AccessLogRow(read, names.computeIfAbsent(read.userId(), people::of), read.channel().label()))
        .toList();
    model.addAttribute("file", file);
    model.addAttribute("rows", rows);
    model.addAttribute("total", total);
    model.addAttribute("page", shown);
    model.addAttribute("pages", pages);
    return "case/access-log";
  }
}
