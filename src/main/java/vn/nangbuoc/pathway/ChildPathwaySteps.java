package vn.nangbuoc.pathway;

import static vn.nangbuoc.pathway.ChildPathway.TASK_APPROVE_FUNDING;
import static vn.nangbuoc.pathway.ChildPathway.TASK_APPROVE_TOP_UP;
import static vn.nangbuoc.pathway.ChildPathway.TASK_ARRANGE_SERVICE;
import static vn.nangbuoc.pathway.ChildPathway.TASK_CHECK_ELIGIBILITY;
import static vn.nangbuoc.pathway.ChildPathway.TASK_CLOSE_CASE;
import static vn.nangbuoc.pathway.ChildPathway.TASK_COMPLETE_LISTING;
import static vn.nangbuoc.pathway.ChildPathway.TASK_COUNSEL_FAMILY;
import static vn.nangbuoc.pathway.ChildPathway.TASK_FOLLOW_UP_VISIT;
import static vn.nangbuoc.pathway.ChildPathway.TASK_PREPARE_REFERRAL;
import static vn.nangbuoc.pathway.ChildPathway.TASK_RECORD_DISBURSEMENT;
import static vn.nangbuoc.pathway.ChildPathway.TASK_RECORD_SCREENING;
import static vn.nangbuoc.pathway.ChildPathway.TASK_RECORD_SURGERY_RESULT;
import static vn.nangbuoc.pathway.ChildPathway.TASK_REVIEW_LISTING;
import static vn.nangbuoc.pathway.ChildPathway.TASK_SEEK_OTHER_FUNDING;
import static vn.nangbuoc.pathway.ChildPathway.TASK_SETTLE_COSTS;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.nangbuoc.pathway.StepCatalogue.Section;

/**
 * The child pathway's steps (bpmn/child-pathway.bpmn): a new user task adds its entry here, and only here, besides
 * the model, its form and its listener.
 */
@Configuration(proxyBeanMethods = false)
public class ChildPathwaySteps {

  static final Section LISTING = new Section("Rà soát, lập danh sách");
  static final Section SCREENING = new Section("Khám sàng lọc");
  static final Section REFERRAL = new Section("Chuyển viện, tư vấn gia đình");
  static final Section FUNDING = new Section("Hỗ trợ kinh phí");
  static final Section SERVICES = new Section("Phẫu thuật, dịch vụ");
  static final Section FOLLOW_UP = new Section("Thăm theo dõi");
  static final Section CLOSURE = new Section("Đóng hồ sơ, thay đổi");

  public static final StepCatalogue CATALOGUE = new StepCatalogue(ChildPathway.PROCESS_KEY,
      "bpmn/child-pathway.bpmn",
      List.of(LISTING, SCREENING, REFERRAL, FUNDING, SERVICES, FOLLOW_UP, CLOSURE),
      List.of(
          Step.serviceTask(TASK_CHECK_ELIGIBILITY).in(LISTING).shortName("eligibility")
              .field("eligible", "Đủ điều kiện phẫu thuật").field("reason", "Lý do").build(),
          Step.userTask(TASK_REVIEW_LISTING, "review-listing.form").in(LISTING).shortName("review")
              .decides(ChildPathway.VAR_LISTING_DECISION).shows(TASK_CHECK_ELIGIBILITY)
              .field("listingDecision", "Kết quả rà soát").field("reviewNote", "Ghi chú rà soát")
              .value("ACCEPT", "Đủ điều kiện khám sàng lọc").value("RETURN", "Trả lại xã/phường bổ sung")
              .value("NOT_ELIGIBLE", "Không đủ điều kiện").build(),
          Step.userTask(TASK_COMPLETE_LISTING, "complete-listing.form").in(LISTING).shows(TASK_REVIEW_LISTING)
              .field("completionNote", "Ghi chú bổ sung").build(),
          Step.userTask(TASK_RECORD_SCREENING, "record-screening.form").in(SCREENING).shortName("screening")
              .decides(ChildPathway.VAR_INDICATION, ChildPathway.VAR_ABSENCE_LIMIT_REACHED)
              .field("indication", "Chỉ định").field("screeningDate", "Ngày khám")
              .field("conditionGroup", "Nhóm dạng tật").field("finding", "Kết luận khám").field("doctor", "Bác sĩ")
              .value("SURGERY", "Có chỉ định phẫu thuật").value("REHABILITATION", "Phục hồi chức năng")
              .value("ASSISTIVE_DEVICE", "Cấp dụng cụ trợ giúp").value("OTHER_SERVICE", "Dịch vụ hỗ trợ khác")
              .value("NONE", "Không cần can thiệp").value("ABSENT", "Trẻ không đến khám").build(),
          Step.userTask(TASK_PREPARE_REFERRAL, "prepare-referral.form").in(REFERRAL).shortName("referral")
              .decides(ChildPathway.VAR_FAMILY_CONSENT).shows(TASK_RECORD_SCREENING, TASK_APPROVE_FUNDING)
              .field("hospital", "Bệnh viện").field("procedure", "Phương pháp")
              .amount("estimatedCost", "Chi phí dự kiến").field("familyConsent", "Gia đình đồng ý")
              .field("referralNote", "Ghi chú").build(),
          Step.userTask(TASK_COUNSEL_FAMILY, "counsel-family.form").in(REFERRAL).shortName("counselling")
              .decides(ChildPathway.VAR_COUNSELLING_OUTCOME).shows(TASK_PREPARE_REFERRAL)
              .field("counsellingOutcome", "Kết quả tư vấn").field("counsellingNote", "Nội dung tư vấn")
              .value("CONSENTED", "Gia đình đồng ý").value("DECLINED", "Gia đình không đồng ý").build(),
          Step.userTask(TASK_APPROVE_FUNDING, "approve-funding.form").in(FUNDING).shortName("approval")
              .decides(ChildPathway.VAR_FUNDING_DECISION, ChildPathway.VAR_PAID_BY_FUND)
              .shows(TASK_PREPARE_REFERRAL, TASK_RECORD_SCREENING).showsFund()
              .field("fundingDecision", "Quyết định hỗ trợ").field("decisionReason", "Lý do quyết định")
              .amount("amount", "Số tiền").field("requestedBy", "Người đề nghị").field("requestId", "Đề nghị số")
              .field("hospital", "Bệnh viện").field("procedure", "Phương pháp")
              .value("APPROVED", "Phê duyệt").value("WAITING", "Phê duyệt, chờ kinh phí").value("REJECTED", "Từ chối")
              .value("RETURNED", "Trả lại").build(),
          Step.userTask(TASK_SEEK_OTHER_FUNDING, "seek-other-funding.form").in(FUNDING).shortName("otherFunding")
              .decides(ChildPathway.VAR_OTHER_FUNDING_FOUND).shows(TASK_APPROVE_FUNDING)
              .field("otherFundingFound", "Có nguồn khác").field("fundingSource", "Nguồn hỗ trợ")
              .field("fundingNote", "Ghi chú nguồn")
              .value("HEALTH_INSURANCE", "Bảo hiểm y tế").value("CHARITY", "Tổ chức, cá nhân từ thiện").build(),
          Step.outsideTheModel(PathwayEvents.STEP_FUNDS_RESERVED, "Quỹ dành kinh phí cho đề nghị đang chờ").in(FUNDING)
              .amount("amount", "Số tiền").field("requestId", "Đề nghị số").build(),
          Step.userTask(TASK_RECORD_DISBURSEMENT, "record-disbursement.form").in(FUNDING).shortName("disbursement")
              .shows(TASK_APPROVE_FUNDING)
              .amount("amountPaid", "Số tiền chi").field("paidOn", "Ngày chi").field("payee", "Đơn vị nhận")
              .field("voucherNumber", "Số chứng từ").field("requestId", "Đề nghị số")
              .value("HOSPITAL", "Bệnh viện").value("FAMILY", "Gia đình").build(),
          Step.userTask(TASK_RECORD_SURGERY_RESULT, "record-surgery-result.form").in(SERVICES).shortName("surgery")
              .decides(ChildPathway.VAR_SURGERY_STATUS, ChildPathway.VAR_POSTPONED_UNTIL).shows(TASK_PREPARE_REFERRAL)
              .field("surgeryStatus", "Tình trạng phẫu thuật").field("surgeryDate", "Ngày phẫu thuật")
              .field("surgeryOutcome", "Kết quả phẫu thuật").field("postponedTo", "Hoãn đến")
              .field("postponementReason", "Lý do hoãn")
              .value("DONE", "Đã phẫu thuật").value("POSTPONED", "Hoãn").build(),
          Step.userTask(TASK_SETTLE_COSTS, "settle-costs.form").in(FUNDING).shortName("settlement")
              .decides(ChildPathway.VAR_TOP_UP_NEEDED).shows(TASK_APPROVE_FUNDING)
              .amount("actualCost", "Chi phí thực tế").field("invoiceNumber", "Số hóa đơn")
              .amount("healthInsurancePaid", "Bảo hiểm y tế chi trả").amount("charityPaid", "Từ thiện hỗ trợ")
              .field("settlementNote", "Ghi chú quyết toán").field("requestId", "Đề nghị số")
              .amount("approvedAmount", "Số đã phê duyệt").amount("topUp", "Phần vượt cần duyệt").build(),
          Step.userTask(TASK_APPROVE_TOP_UP, "approve-top-up.form").in(FUNDING).shortName("topUp")
              .decides(ChildPathway.VAR_TOP_UP_DECISION)
              .shows(TASK_SETTLE_COSTS, TASK_APPROVE_FUNDING, TASK_PREPARE_REFERRAL).showsFund()
              .field("topUpDecision", "Quyết định chi bổ sung").field("topUpReason", "Lý do")
              .field("requestId", "Đề nghị số")
              .value("APPROVED", "Phê duyệt").value("REJECTED", "Từ chối").build(),
          Step.userTask(TASK_ARRANGE_SERVICE, "arrange-service.form").in(SERVICES).shortName("service")
              .shows(TASK_RECORD_SCREENING)
              .field("serviceDescription", "Dịch vụ").field("provider", "Đơn vị cung cấp")
              .field("serviceStart", "Ngày bắt đầu").field("leadAgencyKind", "Cơ quan chủ trì").build(),
          Step.userTask(TASK_FOLLOW_UP_VISIT, "follow-up-visit.form").in(FOLLOW_UP).shortName("followUp")
              .decides(ChildPathway.VAR_MORE_FOLLOW_UPS).shows(TASK_RECORD_SURGERY_RESULT, TASK_ARRANGE_SERVICE)
              .field("visitDate", "Ngày thăm").field("childState", "Tình trạng của trẻ")
              .field("moreServicesNeeded", "Cần thêm dịch vụ").field("servicesNeeded", "Dịch vụ cần thêm").build(),
          Step.userTask(TASK_CLOSE_CASE, "close-case.form").in(CLOSURE)
              .decides(ChildPathway.VAR_CLOSURE_OUTCOME).showsAllSteps()
              .field("closureOutcome", "Kết quả đóng hồ sơ").field("closureNote", "Ghi chú đóng hồ sơ").build(),
          Step.outsideTheModel(PathwayEvents.STEP_WITHDRAWAL, "Gia đình xin rút khỏi chương trình").in(CLOSURE)
              .field("reason", "Lý do").build(),
          Step.outsideTheModel(PathwayEvents.STEP_MOVE, "Trẻ chuyển nơi cư trú").in(CLOSURE)
              .field("from", "Từ").field("to", "Đến").build(),
          Step.outsideTheModel(PathwayEvents.STEP_REORGANISATION, "Sắp xếp lại đơn vị hành chính").in(CLOSURE)
              .field("from", "Từ").field("to", "Đến").field("reorganisation", "Lần sắp xếp").build()));

  @Bean
  StepCatalogue childPathwayCatalogue() {
    return CATALOGUE;
  }
}
