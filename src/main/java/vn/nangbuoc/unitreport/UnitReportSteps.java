package vn.nangbuoc.unitreport;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.nangbuoc.pathway.Step;
import vn.nangbuoc.pathway.StepCatalogue;
import vn.nangbuoc.pathway.StepCatalogue.Section;

/**
 * The steps of a unit's report (bpmn/unit-report.bpmn). What they record goes to the report's own tables
 * ({@link UnitReportRecords}), not to a child's step records; the catalogue says what each task decides.
 */
@Configuration(proxyBeanMethods = false)
class UnitReportSteps {

  static final Section PREPARATION = new Section("Lập và ký duyệt báo cáo");
  static final Section REVIEW = new Section("Cơ quan tiếp nhận xem xét");

  static final StepCatalogue CATALOGUE = new StepCatalogue(UnitReport.PROCESS_KEY, "bpmn/unit-report.bpmn",
      List.of(PREPARATION, REVIEW),
      List.of(
          Step.userTask(UnitReport.TASK_PREPARE, "prepare-unit-report.form").in(PREPARATION)
              .field("communicationSessions", "Số buổi truyền thông").field("trainings", "Số lớp tập huấn")
              .field("staffTrained", "Số lượt cán bộ được tập huấn")
              .field("caregiversTakingPart", "Số lượt cha mẹ, người chăm sóc trẻ tham gia")
              .field("childrenTakingPart", "Số lượt trẻ em tham gia")
              .field("difficulties", "Khó khăn, vướng mắc, đề xuất").field("correctionReason", "Lý do điều chỉnh")
              .build(),
          Step.userTask(UnitReport.TASK_SIGN_OFF, "sign-off-unit-report.form").in(PREPARATION)
              .decides(UnitReport.VAR_SIGN_OFF_DECISION)
              .field("signOffDecision", "Ý kiến của thủ trưởng").field("signOffNote", "Lý do trả lại").build(),
          Step.userTask(UnitReport.TASK_REVIEW, "review-unit-report.form").in(REVIEW)
              .decides(UnitReport.VAR_REVIEW_DECISION)
              .field("reviewDecision", "Kết quả xem xét").field("receiverNote", "Lý do trả lại").build()));

  @Bean
  StepCatalogue unitReportCatalogue() {
    return CATALOGUE;
  }
}
