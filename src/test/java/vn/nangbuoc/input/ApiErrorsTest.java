package vn.nangbuoc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The application's /api answers the engine's failures like its own: 4xx in Vietnamese, no engine text. */
class ApiErrorsTest {

  private final ApiErrors errors = new ApiErrors();

  @Test
  void shouldAnswerALostRaceWith409() {
    ResponseEntity<ApiError> answer = errors.unexpected(new ProcessEngineException("wrapped",
        new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed")));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(answer.getBody().message()).isEqualTo(ErrorAnswers.CONFLICT);
  }

  @Test
  void shouldAnswerOurRuleWrappedByTheEngineWith400AndItsMessageOnly() {
    ResponseEntity<ApiError> answer = errors.unexpected(new ProcessEngineException(
        "Cannot submit task form 6f3c: Chưa nhập lý do.", new InvalidInputException("Chưa nhập lý do.")));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).isEqualTo(new ApiError(400, "Chưa nhập lý do.", List.of("Chưa nhập lý do.")));
  }

  @Test
  void shouldAnswerAnUnknownPathWith404AndAnythingElseWithAGeneric500() throws Exception {
    ResponseEntity<ApiError> unknown = errors.unexpected(new NoResourceFoundException(HttpMethod.GET,
        "api/khong-co"));
    ResponseEntity<ApiError> broken = errors.unexpected(new IllegalStateException("Nguyễn Văn An"));

    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().message()).isEqualTo(ErrorAnswers.NOT_FOUND);
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(broken.getBody().message()).isEqualTo(ErrorAnswers.UNEXPECTED);
    assertThat(String.valueOf(broken.getBody())).doesNotContain("Nguyễn");
  }
}
