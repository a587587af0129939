package vn.nangbuoc.input;

import java.util.List;

/**
 * What the application's JSON API answers when it refuses: the status again, the message in Vietnamese, and the
 * list of messages (one here; forms may answer several).
 */
record ApiError(int status, String message, List<String> errors) {

  static ApiError of(int status, String message) {
    return new ApiError(status, message, List.of(message));
  }
}
