package vn.nangbuoc.input;

/** The user may not do this; the message (Vietnamese) says what the rule is. */
public class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}
