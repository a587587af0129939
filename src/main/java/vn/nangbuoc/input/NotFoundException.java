package vn.nangbuoc.input;

/** Something the user asked for does not exist, or not for them; the message is Vietnamese. */
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
