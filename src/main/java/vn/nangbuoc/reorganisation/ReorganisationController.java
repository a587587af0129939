package vn.nangbuoc.reorganisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.security.Roles;

/**
 * Reorganisations over HTTP (Basic): an administrator uploads a change set (YAML, the body) and gets its
 * preview; applies it; stops it between two batches. Auditors and administrators read every one of them,
 * with who uploaded and applied it and what it did.
 */
@RestController
@RequestMapping("/api/admin/reorganisations")
class ReorganisationController {

  /** A reorganisation as answered: the change set as written, its preview, its progress, its outcome. */
  record Answer(long id, String name, LocalDate effective, String status, String statusLabel, String uploadedBy,
      Instant uploadedAt, String appliedBy, Instant applyStartedAt, Instant appliedAt, int casesPlanned,
      int casesCarried, JsonNode preview, JsonNode summary) {
  }

  private final ReorganisationRun run;
  private final Reorganisations reorganisations;
  private final Roles roles;
  private final ObjectMapper json;

  ReorganisationController(ReorganisationRun run, Reorganisations reorganisations, Roles roles, ObjectMapper json) {
    this.run = run;
    this.reorganisations = reorganisations;
    this.roles = roles;
    this.json = json;
  }

  @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
  ResponseEntity<Answer> upload(@RequestBody String changeSet, Authentication user) {
    requireAdministrator(user);
    return ResponseEntity.status(HttpStatus.CREATED).body(answer(run.upload(changeSet, user.getName())));
  }

  @PostMapping("/{id}/apply")
  Answer apply(@PathVariable long id, Authentication user) {
    requireAdministrator(user);
    return answer(run.apply(id, user.getName(), Integer.MAX_VALUE));
  }

  @PostMapping("/{id}/stop")
  Answer stop(@PathVariable long id, Authentication user) {
    requireAdministrator(user);
    run.requestStop(id);
    return answer(run.find(id));
  }

  @GetMapping("/{id}")
  Answer get(@PathVariable long id, Authentication user) {
    requireReader(user);
    return answer(run.find(id));
  }

  @GetMapping
  List<Answer> recent(Authentication user) {
    requireReader(user);
    return reorganisations.recent(100).stream().map(this::answer).toList();
  }

  private Answer answer(Reorganisations.Reorganisation row) {
    Reorganisations.Progress progress = reorganisations.progress(row.id());
    return new Answer(row.id(), row.name(), row.effective(), row.status().name(), row.status().label(),
        row.uploadedBy(), row.uploadedAt(), row.appliedBy(), row.applyStartedAt(), row.appliedAt(),
        progress.planned(), progress.carried(), tree(row.preview()), tree(row.summary()));
  }

  private JsonNode tree(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void requireAdministrator(Authentication user) {
    if (!roles.isAdministrator(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên được sắp xếp lại tổ chức.");
    }
  }

  private void requireReader(Authentication user) {
    if (!roles.isAdministrator(user.getName()) && !roles.isAuditor(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên và thanh tra xem được các lần sắp xếp tổ chức.");
    }
  }
}
