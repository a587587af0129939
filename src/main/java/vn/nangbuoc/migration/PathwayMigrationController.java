package vn.nangbuoc.migration;

import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.security.Roles;

/** Moving running pathways to the newest version of the model, by an administrator (HTTP Basic). */
@RestController
@RequestMapping("/api/admin/pathway-migrations")
class PathwayMigrationController {

  /** Far above any version a deployment will reach; only keeps the number an int. */
  private static final long HIGHEST_VERSION = 1_000_000;

  private final PathwayMigrations migrations;
  private final MigrationProgress progress;
  private final MigrationRuns runs;
  private final Roles roles;

  PathwayMigrationController(PathwayMigrations migrations, MigrationProgress progress, MigrationRuns runs,
      Roles roles) {
    this.migrations = migrations;
    this.progress = progress;
    this.runs = runs;
    this.roles = roles;
  }

  @GetMapping(params = "fromVersion")
  MigrationPreview preview(@RequestParam String fromVersion, Authentication user) {
    requireAdministrator(user);
    return migrations.preview(version(FieldReader.of(Collections.singletonMap("fromVersion", fromVersion))));
  }

  @PostMapping
  ResponseEntity<PathwayMigrations.Started> start(@RequestBody MigrationRequest body, Authentication user) {
    requireAdministrator(user);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(migrations.start(version(body.fields()), user.getName()));
  }

  @GetMapping("/{batchId}")
  MigrationProgress.Progress progress(@PathVariable String batchId, Authentication user) {
    requireAdministrator(user);
    return progress.of(batchId);
  }

  /** For administrators and auditors: every migration of the pathway, newest first. */
  @GetMapping
  List<MigrationRuns.Run> runs(Authentication user) {
    if (!roles.isAdministrator(user.getName()) && !roles.isAuditor(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên và thanh tra xem được nhật ký chuyển phiên bản lộ trình.");
    }
    return runs.recent();
  }

  private static int version(FieldReader fields) {
    Long version = fields.requiredWholeNumber("fromVersion", "phiên bản cần chuyển (fromVersion)", 1,
        HIGHEST_VERSION);
    fields.throwIfInvalid();
    return version.intValue();
  }

  private void requireAdministrator(Authentication user) {
    if (!roles.isAdministrator(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên được chuyển lộ trình đang chạy sang phiên bản mới.");
    }
  }
}
