package vn.nangbuoc.casepage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * The case page's middle: what each part of the pathway recorded, in the order the pathway runs
 * (listing, screening, referral, funding, surgery and services, follow-up visits, closure).
 */
@Component
class CaseSections {

  record Entry(String step, String recordedBy, java.time.Instant recordedAt, Map<String, String> fields) {
  }

  record Section(String title, List<Entry> entries) {
  }

  private static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("Rà soát, lập danh sách", List.of(ChildPathway.TASK_REVIEW_LISTING,
        ChildPathway.TASK_COMPLETE_LISTING, ChildPathway.TASK_CHECK_ELIGIBILITY));
    SECTIONS.put("Khám sàng lọc", List.of(ChildPathway.TASK_RECORD_SCREENING));
    SECTIONS.put("Chuyển viện, tư vấn gia đình", List.of(ChildPathway.TASK_PREPARE_REFERRAL,
        ChildPathway.TASK_COUNSEL_FAMILY));
    SECTIONS.put("Hỗ trợ kinh phí", List.of(ChildPathway.TASK_APPROVE_FUNDING, ChildPathway.TASK_RECORD_DISBURSEMENT,
        ChildPathway.TASK_SEEK_OTHER_FUNDING, ChildPathway.TASK_SETTLE_COSTS, ChildPathway.TASK_APPROVE_TOP_UP));
    SECTIONS.put("Phẫu thuật, dịch vụ", List.of(ChildPathway.TASK_RECORD_SURGERY_RESULT,
        ChildPathway.TASK_ARRANGE_SERVICE));
    SECTIONS.put("Thăm theo dõi", List.of(ChildPathway.TASK_FOLLOW_UP_VISIT));
    SECTIONS.put("Đóng hồ sơ, thay đổi", List.of(ChildPathway.TASK_CLOSE_CASE, "Withdrawal", "Move"));
  }

  private final CaseStepRecords records;
  private final StepNames steps;
  private final RecordFields fields;

  CaseSections(CaseStepRecords records, StepNames steps, RecordFields fields) {
    this.records = records;
    this.steps = steps;
    this.fields = fields;
  }

  /** Every section, empty ones included, so a reader sees at once what has not happened yet. */
  List<Section> of(long caseId) {
    List<CaseStepRecords.StepRecord> all = records.all(caseId);
    List<Section> sections = new ArrayList<>();
    List<String> placed = new ArrayList<>();
    SECTIONS.forEach((title, keys) -> {
      placed.addAll(keys);
      sections.add(new Section(title, all.stream().filter(record -> keys.contains(record.step()))
          .map(this::entry).toList()));
    });
    List<Entry> elsewhere = all.stream().filter(record -> !placed.contains(record.step())).map(this::entry).toList();
    if (!elsewhere.isEmpty()) {
      // a step an analyst added to the model and no section names yet still shows
      sections.add(new Section("Bước khác", elsewhere));
    }
    return sections;
  }

  private Entry entry(CaseStepRecords.StepRecord record) {
    return new Entry(steps.of(record.step()), record.recordedBy() == null ? "hệ thống" : record.recordedBy(),
        record.recordedAt(), fields.shown(record.data()));
  }
}
