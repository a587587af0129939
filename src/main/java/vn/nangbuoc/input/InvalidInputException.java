package vn.nangbuoc.input;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission that breaks a rule of the pathway; the message is shown to the user as it is,
 * so it is always Vietnamese.
 *
 * <p>It extends the engine's form validation exception because that is the one the Camunda REST
 * API (and so Tasklist) answers with 400 instead of 500.
 */
public class InvalidInputException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(null, message);
  }
}
