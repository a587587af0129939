package vn.nangbuoc.input;

/**
 * A submission that breaks a rule of the pathway; the message is shown to the user as it is,
 * so it is always Vietnamese.
 *
 * <p>A plain exception, so that the case file and the fund, which throw it, use no class of the
 * engine. The engine wraps what a listener throws, and its REST API answers what it does not know
 * with 500: {@code InvalidInputUnwrappingInterceptor} hands this exception back out of the engine
 * once the transaction is rolled back, and the application's and the engine's error answers find it
 * among the causes of whatever reaches them and answer 400 with its message.
 */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
