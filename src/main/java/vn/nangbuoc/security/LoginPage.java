package vn.nangbuoc.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page of the application's own pages (Tasklist, Cockpit and Admin keep their own). */
@Controller
class LoginPage {

  @GetMapping("/dang-nhap")
  String login() {
    return "login";
  }
}
