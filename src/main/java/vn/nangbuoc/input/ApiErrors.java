package vn.nangbuoc.input;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the application's API as JSON with a Vietnamese message; never a stack trace. */
@RestControllerAdvice(basePackages = "vn.nangbuoc")
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return body(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiError> forbidden(ForbiddenException e) {
    return body(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiError> denied(AccessDeniedException e) {
    return body(HttpStatus.FORBIDDEN, "Bạn không có quyền với hồ sơ này.");
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ApiError> unreadable(Exception e) {
    return body(HttpStatus.BAD_REQUEST, "Dữ liệu gửi lên không đọc được: cần JSON đúng định dạng.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    // the engine wraps what a listener throws, and loses races as an exception of its own
    InvalidInputException invalid = ErrorAnswers.invalidInput(e);
    if (invalid != null) {
      return body(HttpStatus.BAD_REQUEST, invalid.getMessage());
    }
    if (ErrorAnswers.lostRace(e)) {
      return body(HttpStatus.CONFLICT, ErrorAnswers.CONFLICT);
    }
    if (ErrorAnswers.databaseAway(e)) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", ErrorAnswers.RETRY_AFTER_SECONDS)
          .body(body(HttpStatus.SERVICE_UNAVAILABLE, ErrorAnswers.DATABASE_AWAY).getBody());
    }
    if (e instanceof ErrorResponse known && known.getStatusCode().value() < 500) {
      // Spring's own answers (no such path, wrong method, missing parameter) keep their status
      int status = known.getStatusCode().value();
      return body(HttpStatus.valueOf(status), ErrorAnswers.forStatus(status));
    }
    // Messages (and causes' messages, such as a database's duplicate key) may carry a child's data:
    // log the type and where it happened, never the message.
    StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    log.error("Unexpected error in API: {} at {}", e.getClass().getName(), where);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, ErrorAnswers.UNEXPECTED);
  }

  private static ResponseEntity<ApiError> body(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(ApiError.of(status.value(), message));
  }
}
