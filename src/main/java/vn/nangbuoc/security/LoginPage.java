package vn.nangbuoc.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one login page: of the product's pages and of Tasklist, Cockpit and Admin (see SecurityConfiguration), and
 * where it leads afterwards (LoginRedirects).
 */
@Controller
class LoginPage {

  @GetMapping("/dang-nhap")
  String login(@RequestParam(name = "loi", required = false) String failed,
      @RequestParam(name = LoginTarget.PARAMETER, required = false) String asked, HttpServletRequest request,
      Model model) {
    if (asked != null && request.getUserPrincipal() != null) {
      // a page sent someone signed in to the login: sending him back would loop, so he lands on the home page
      return "redirect:/trang-chu";
    }
    LoginTarget.of(asked).ifPresent(target -> model.addAttribute("continueTo", target));
    HttpSession session = request.getSession(false);
    if (failed != null) {
      // why the last login was refused (wrong password, wait, lock), as the provider worded it
      Object refusal = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      model.addAttribute("refusal", refusal instanceof AuthenticationException e && e.getMessage() != null
          ? e.getMessage() : "Sai tên đăng nhập hoặc mật khẩu.");
    }
    return "login";
  }
}
