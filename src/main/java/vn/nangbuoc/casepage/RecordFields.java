package vn.nangbuoc.casepage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.PageFormat;
import vn.nangbuoc.pathway.ChildPathway;

/** What a step recorded, as people read it: field names and codes in Vietnamese, amounts in đồng. */
@Component
class RecordFields {

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("listingDecision", "Kết quả rà soát"), Map.entry("reviewNote", "Ghi chú rà soát"),
      Map.entry("completionNote", "Ghi chú bổ sung"), Map.entry("eligible", "Đủ điều kiện phẫu thuật"),
      Map.entry("reason", "Lý do"), Map.entry("indication", "Chỉ định"), Map.entry("screeningDate", "Ngày khám"),
      Map.entry("conditionGroup", "Nhóm dạng tật"), Map.entry("finding", "Kết luận khám"),
      Map.entry("doctor", "Bác sĩ"), Map.entry("hospital", "Bệnh viện"), Map.entry("procedure", "Phương pháp"),
      Map.entry("estimatedCost", "Chi phí dự kiến"), Map.entry("familyConsent", "Gia đình đồng ý"),
      Map.entry("referralNote", "Ghi chú"), Map.entry("counsellingOutcome", "Kết quả tư vấn"),
      Map.entry("counsellingNote", "Nội dung tư vấn"), Map.entry("fundingDecision", "Quyết định hỗ trợ"),
      Map.entry("decisionReason", "Lý do quyết định"), Map.entry("amount", "Số tiền"),
      Map.entry("requestedBy", "Người đề nghị"), Map.entry("requestId", "Đề nghị số"),
      Map.entry("amountPaid", "Số tiền chi"), Map.entry("paidOn", "Ngày chi"), Map.entry("payee", "Đơn vị nhận"),
      Map.entry("voucherNumber", "Số chứng từ"), Map.entry("otherFundingFound", "Có nguồn khác"),
      Map.entry("fundingSource", "Nguồn hỗ trợ"), Map.entry("fundingNote", "Ghi chú nguồn"),
      Map.entry("surgeryStatus", "Tình trạng phẫu thuật"), Map.entry("surgeryDate", "Ngày phẫu thuật"),
      Map.entry("surgeryOutcome", "Kết quả phẫu thuật"), Map.entry("postponedTo", "Hoãn đến"),
      Map.entry("postponementReason", "Lý do hoãn"), Map.entry("serviceDescription", "Dịch vụ"),
      Map.entry("provider", "Đơn vị cung cấp"), Map.entry("serviceStart", "Ngày bắt đầu"),
      Map.entry("leadAgencyKind", "Cơ quan chủ trì"), Map.entry("visitDate", "Ngày thăm"),
      Map.entry("childState", "Tình trạng của trẻ"), Map.entry("moreServicesNeeded", "Cần thêm dịch vụ"),
      Map.entry("servicesNeeded", "Dịch vụ cần thêm"), Map.entry("closureOutcome", "Kết quả đóng hồ sơ"),
      Map.entry("closureNote", "Ghi chú đóng hồ sơ"), Map.entry("actualCost", "Chi phí thực tế"),
      Map.entry("invoiceNumber", "Số hóa đơn"), Map.entry("settlementNote", "Ghi chú quyết toán"),
      Map.entry("approvedAmount", "Số đã phê duyệt"), Map.entry("topUp", "Phần vượt cần duyệt"),
      Map.entry("topUpDecision", "Quyết định chi bổ sung"), Map.entry("topUpReason", "Lý do"),
      Map.entry("from", "Từ"), Map.entry("to", "Đến"));

  private final PageFormat format;

  RecordFields(PageFormat format) {
    this.format = format;
  }

  Map<String, String> shown(Map<String, Object> data) {
    Map<String, String> shown = new LinkedHashMap<>();
    data.forEach((field, value) -> {
      if (value == null || "".equals(value)) {
        return;
      }
      String text;
      if (value instanceof Number amount && ChildPathway.AMOUNT_FIELDS.contains(field)) {
        text = format.money(amount.longValue());
      } else if (value instanceof Boolean yes) {
        text = yes ? "Có" : "Không";
      } else {
        text = format.word(value);
      }
      shown.put(LABELS.getOrDefault(field, field), text);
    });
    return shown;
  }
}
