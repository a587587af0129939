package vn.nangbuoc.input;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a page controller refuses, as the error page with the refusal's own Vietnamese sentence.
 *
 * <p>Pages catch the errors of a form where they read it and show the form again (400); an invalid input that
 * reaches this advice is an action refused by the state of what it acts on (two files no longer a pair), hence
 * 409; where a page has a place beside the pressed button for it (an import decided meanwhile), it shows it
 * there. Ordered before {@link ApiErrors}, which would answer every controller in JSON.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageRefusals {

  static final String TEMPLATE = "error-page";

  @ExceptionHandler(ForbiddenException.class)
  String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
    return page(HttpServletResponse.SC_FORBIDDEN, e, model, response);
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, Model model, HttpServletResponse response) {
    return page(HttpServletResponse.SC_NOT_FOUND, e, model, response);
  }

  @ExceptionHandler(InvalidInputException.class)
  String refusedNow(InvalidInputException e, Model model, HttpServletResponse response) {
    return page(HttpServletResponse.SC_CONFLICT, e, model, response);
  }

  private static String page(int status, RuntimeException e, Model model, HttpServletResponse response) {
    response.setStatus(status);
    model.addAttribute("message", e.getMessage());
    return TEMPLATE;
  }
}
