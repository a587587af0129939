package vn.nangbuoc.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one login page: of the product's pages and of Tasklist, Cockpit and Admin (see SecurityConfiguration). */
@Controller
class LoginPage {

  @GetMapping("/dang-nhap")
  String login(@RequestParam(name = "loi", required = false) String failed, HttpServletRequest request,
      Model model) {
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
