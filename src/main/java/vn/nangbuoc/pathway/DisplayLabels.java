package vn.nangbuoc.pathway;

import java.util.HashMap;
import java.util.Map;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;

/** Vietnamese words for the codes the pathway stores, for pages and forms that show a case. */
final class DisplayLabels {

  private static final Map<String, String> LABELS = new HashMap<>();

  static {
    for (ConditionGroup group : ConditionGroup.values()) {
      LABELS.put(group.name(), group.label());
    }
    for (Sex sex : Sex.values()) {
      LABELS.put(sex.name(), sex.label());
    }
    for (CaregiverRelation relation : CaregiverRelation.values()) {
      LABELS.put(relation.name(), relation.label());
    }
    for (ClosureOutcome outcome : ClosureOutcome.values()) {
      LABELS.put(outcome.name(), outcome.label());
    }
    LABELS.putAll(Map.ofEntries(
        Map.entry("ACCEPT", "Đủ điều kiện khám sàng lọc"),
        Map.entry("RETURN", "Trả lại xã/phường bổ sung"),
        Map.entry("NOT_ELIGIBLE", "Không đủ điều kiện"),
        Map.entry("SURGERY", "Có chỉ định phẫu thuật"),
        Map.entry("REHABILITATION", "Phục hồi chức năng"),
        Map.entry("ASSISTIVE_DEVICE", "Cấp dụng cụ trợ giúp"),
        Map.entry("OTHER_SERVICE", "Dịch vụ hỗ trợ khác"),
        Map.entry("NONE", "Không cần can thiệp"),
        Map.entry("ABSENT", "Trẻ không đến khám"),
        Map.entry("CONSENTED", "Gia đình đồng ý"),
        Map.entry("DECLINED", "Gia đình không đồng ý"),
        Map.entry("APPROVED", "Phê duyệt"),
        Map.entry("WAITING", "Phê duyệt, chờ kinh phí"),
        Map.entry("REJECTED", "Từ chối"),
        Map.entry("RETURNED", "Trả lại"),
        Map.entry("HOSPITAL", "Bệnh viện"),
        Map.entry("FAMILY", "Gia đình"),
        Map.entry("HEALTH_INSURANCE", "Bảo hiểm y tế"),
        Map.entry("CHARITY", "Tổ chức, cá nhân từ thiện"),
        Map.entry("DONE", "Đã phẫu thuật"),
        Map.entry("POSTPONED", "Hoãn")));
  }

  private DisplayLabels() {
  }

  static String of(Object value) {
    if (value instanceof Boolean b) {
      return b ? "Có" : "Không";
    }
    String text = String.valueOf(value);
    return LABELS.getOrDefault(text, text);
  }
}
