package vn.nangbuoc.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a login lands: caseworkers and auditors on the case list, administrators on their page, the
 * fund's people on its books.
 */
@Controller
class HomePage {

  private final Roles roles;

  HomePage(Roles roles) {
    this.roles = roles;
  }

  @GetMapping("/trang-chu")
  String home(Authentication user) {
    String id = user.getName();
    boolean worksOnCases = roles.isCaseworker(id) || roles.isAuditor(id);
    if (worksOnCases) {
      return "redirect:/ho-so";
    }
    if (roles.isAdministrator(id)) {
      return "redirect:/quan-tri/xoa-ho-so";
    }
    return roles.mayReadFunds(id) ? "redirect:/quy" : "redirect:/ho-so";
  }
}
