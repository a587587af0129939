package vn.nangbuoc.engine;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import vn.nangbuoc.input.InvalidInputException;

/**
 * The engine wraps whatever a task or execution listener throws into a generic exception, which
 * the REST API answers with 500. This outermost interceptor runs after the transaction has been
 * rolled back and hands the caller our own {@link InvalidInputException} again, so a broken rule
 * reaches the user as a 400 with its Vietnamese message ({@link EngineRestErrors} on the engine's
 * REST API, {@code ApiErrors} on ours) and the application's own callers can catch it by its type.
 *
 * <p>What a service task's delegate throws is not wrapped: the engine first looks for an error event
 * that catches it by its class name (the models have none), then throws it on as it is.
 */
class InvalidInputUnwrappingInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      InvalidInputException invalidInput = findInvalidInput(e);
      throw invalidInput != null ? invalidInput : e;
    }
  }

  private static InvalidInputException findInvalidInput(Throwable error) {
    for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }
}
