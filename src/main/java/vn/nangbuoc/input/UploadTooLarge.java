package vn.nangbuoc.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload beyond the server's widest limit (spring.servlet.multipart.*) fails before any controller
 * is chosen, so no controller's own handler sees it: answered here, as a page or as JSON. Smaller
 * limits per kind of upload are checked, with their own messages, where the upload is read.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

  static final String MESSAGE = "Tệp quá lớn, vượt giới hạn tải lên của hệ thống: hãy chia nhỏ danh sách, hoặc"
      + " chụp/quét tài liệu với độ phân giải thấp hơn.";

  private static final ObjectMapper JSON = new ObjectMapper();

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      JSON.writeValue(response.getWriter(), ApiError.of(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, MESSAGE));
      return new ModelAndView();
    }
    ModelAndView page = new ModelAndView("error-page");
    page.addObject("message", MESSAGE);
    return page;
  }
}
