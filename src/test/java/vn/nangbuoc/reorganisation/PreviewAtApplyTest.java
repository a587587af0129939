package vn.nangbuoc.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;

/**
 * The apply previews a change set again only when the organisation changed since the upload's preview: a city's
 * preview routes every open task, and at full size took minutes (docs/performance.md, issue 19 at full size).
 */
@NangBuocSpringTest
class PreviewAtApplyTest {

  @Autowired
  ReorganisationRun run;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldNotPreviewAgainWhatTheUploadPreviewedOfAnUnchangedOrganisation() {
    long id = run.upload(renameOfANewDistrict("T19FPA"), "quantri").id();
    int previews = run.previewsAtApply();

    assertThat(run.apply(id, "quantri", Integer.MAX_VALUE).status()).isEqualTo(ReorganisationStatus.APPLIED);

    assertThat(run.previewsAtApply()).isEqualTo(previews);
    assertThat(name("T19FPA")).isEqualTo("Thử Mới");
  }

  @Test
  void shouldPreviewAgainWhenAGroupOrAMemberChangedSinceTheUpload() {
    long id = run.upload(renameOfANewDistrict("T19FPB"), "quantri").id();
    int previews = run.previewsAtApply();
    identityService.saveGroup(identityService.newGroup("t19FingerprintGroup"));
    try {
      assertThat(run.apply(id, "quantri", Integer.MAX_VALUE).status()).isEqualTo(ReorganisationStatus.APPLIED);
    } finally {
      identityService.deleteGroup("t19FingerprintGroup");
    }

    assertThat(run.previewsAtApply()).isEqualTo(previews + 1);
    assertThat(name("T19FPB")).isEqualTo("Thử Mới");
  }

  private String name(String unit) {
    return jdbc.sql("select name from administrative_unit where code = ?").param(unit).query(String.class).single();
  }

  private static String renameOfANewDistrict(String code) {
    return """
        name: "Thêm và đổi tên một huyện thử (chưa có xã, nên không có việc nào)"
        effective: 2025-07-01
        units:
          - {code: %s, name: Thử, type: Huyện, level: DISTRICT, parent: LANGSON}
        changes:
          - rename: {unit: %s, name: "Thử Mới"}
        """.formatted(code, code);
  }
}
