package vn.nangbuoc.engine;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.nangbuoc.input.ErrorAnswers;
import vn.nangbuoc.input.InvalidInputException;

/**
 * The engine's REST API (and Tasklist's, which is the same resources) answers errors with the
 * engine's English text, prefixed ("Cannot submit task form 6f3c…: ", "Cannot instantiate process
 * definition child-pathway:1:…: ") and as 500 for a lost race. These mappers answer instead: our
 * rule's own Vietnamese message (400), a lost race (409), the status Camunda chose with a
 * Vietnamese sentence, and for anything else a generic 500 without engine text.
 *
 * <p>Jersey picks the mapper of the closest exception type, and among equals the highest priority:
 * one mapper per type Camunda (and Jackson) map, each ahead of theirs.
 */
public abstract class EngineRestErrors<E extends Throwable> implements ExceptionMapper<E> {

  static final int AHEAD_OF_CAMUNDA = 1;

  private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

  @Override
  public Response toResponse(E error) {
    if (error instanceof WebApplicationException web && web.getResponse() != null
        && web.getResponse().getStatus() < 400) {
      // not an error (a redirect, a "not modified"): JAX-RS's own answer, untouched
      return web.getResponse();
    }
    InvalidInputException invalid = ErrorAnswers.invalidInput(error);
    int status;
    String message;
    if (invalid != null) {
      status = 400;
      message = invalid.getMessage();
    } else if (ErrorAnswers.lostRace(error)) {
      status = 409;
      message = ErrorAnswers.CONFLICT;
    } else if (ErrorAnswers.databaseAway(error)) {
      status = 503;
      message = ErrorAnswers.DATABASE_AWAY;
    } else {
      status = statusOf(error);
      message = ErrorAnswers.forStatus(status);
    }
    if (status == 503) {
      log.warn("Engine REST request refused: the database cannot be reached ({})", error.getClass().getName());
    } else if (status >= 500) {
      // the message may hold a child's data (a duplicate key, a variable's value): type and place only
      StackTraceElement where = error.getStackTrace().length > 0 ? error.getStackTrace()[0] : null;
      log.error("Unexpected error in the engine's REST API: {} at {}", error.getClass().getName(), where);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", error.getClass().getSimpleName());
    body.put("message", message);
    body.put("code", null);
    // JAX-RS's own answers keep their headers (Allow on a 405), with our words instead of theirs
    Response.ResponseBuilder answer = error instanceof WebApplicationException web && web.getResponse() != null
        ? Response.fromResponse(web.getResponse()).status(status) : Response.status(status);
    return answer.type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static int statusOf(Throwable error) {
    // Camunda answers what a resource caught as 500 ("Cannot complete task x: task is null"): the cause says more
    if (ErrorAnswers.find(error, AuthorizationException.class) != null) {
      return 403;
    }
    // the engine's "Cannot find task with id …: task is null" is a NullValueException
    if (ErrorAnswers.find(error, NotFoundException.class) != null
        || ErrorAnswers.find(error, NullValueException.class) != null) {
      return 404;
    }
    if (ErrorAnswers.find(error, BadUserRequestException.class) != null) {
      return 400;
    }
    if (error instanceof WebApplicationException web && web.getResponse() != null) {
      return web.getResponse().getStatus();
    }
    if (error instanceof JsonParseException || error instanceof JsonMappingException) {
      return 400;
    }
    return ExceptionHandlerHelper.getInstance().getStatus(error).getStatusCode();
  }

  @Priority(AHEAD_OF_CAMUNDA)
  public static final class AnyError extends EngineRestErrors<Throwable> {
  }

  @Priority(AHEAD_OF_CAMUNDA)
  public static final class RestError extends EngineRestErrors<RestException> {
  }

  @Priority(AHEAD_OF_CAMUNDA)
  public static final class EngineError extends EngineRestErrors<ProcessEngineException> {
  }

  @Priority(AHEAD_OF_CAMUNDA)
  public static final class UnreadableJson extends EngineRestErrors<JsonParseException> {
  }

  @Priority(AHEAD_OF_CAMUNDA)
  public static final class UnmappableJson extends EngineRestErrors<JsonMappingException> {
  }
}
