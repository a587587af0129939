package vn.nangbuoc.casepage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseChanges;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.document.CaseDocument;
import vn.nangbuoc.document.DocumentService;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.pathway.TaskTitle;
import vn.nangbuoc.security.PersonNames;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.fund.LedgerEntry;
import vn.nangbuoc.input.PageFormat;
import vn.nangbuoc.system.EngineSystem;

/**
 * "Lịch sử" of a case: what each step recorded (who, when, which decision), what the engine's user
 * operation log says was done to its tasks, every change of the case file, the fund's movements for
 * it and the documents added, newest first; people by their names, tasks by their steps.
 */
@Component
class CaseTimeline {

  static final int OPERATION_LOG_LIMIT = 500;
  private static final Map<String, String> OPERATIONS = Map.of(
      "Complete", "Hoàn thành công việc", "Claim", "Nhận việc", "Assign", "Giao việc",
      "Delegate", "Ủy quyền công việc", "SetPriority", "Đổi độ ưu tiên", "SetOwner", "Đổi người chủ trì",
      "Delete", "Xóa", "Create", "Bắt đầu lộ trình", "CorrelateMessage", "Nhận sự kiện");

  private final CaseStepRecords records;
  private final CaseChanges changes;
  private final HistoryService history;
  private final FundBooks books;
  private final StepNames steps;
  private final RecordFields fields;
  private final EngineSystem system;
  private final PageFormat format;
  private final DocumentService documents;
  private final CaseFileService caseFiles;
  private final PersonNames people;

  CaseTimeline(CaseStepRecords records, CaseChanges changes, HistoryService history, FundBooks books,
      StepNames steps, RecordFields fields, EngineSystem system, PageFormat format, DocumentService documents,
      CaseFileService caseFiles, PersonNames people) {
    this.people = people;
    this.records = records;
    this.changes = changes;
    this.history = history;
    this.books = books;
    this.steps = steps;
    this.fields = fields;
    this.system = system;
    this.format = format;
    this.documents = documents;
    this.caseFiles = caseFiles;
  }

  /** The case's history, with the histories of the case files merged into it (each item marked). */
  List<TimelineItem> of(CaseFile file) {
    // each person is asked for once per page
    Map<String, String> known = new HashMap<>();
    return withMerged(file).stream().map(item -> new TimelineItem(item.at(),
        known.computeIfAbsent(String.valueOf(item.who()), who -> people.of(item.who())), item.what(),
        item.details())).toList();
  }

  private List<TimelineItem> withMerged(CaseFile file) {
    List<TimelineItem> items = ownItems(file);
    for (CaseFile merged : caseFiles.mergedInto(file.id())) {
      for (TimelineItem item : withMerged(merged)) {
        items.add(new TimelineItem(item.at(), item.who(), "[" + merged.caseNumber() + "] " + item.what(),
            item.details()));
      }
    }
    items.sort(Comparator.comparing(TimelineItem::at).reversed());
    return items;
  }

  private List<TimelineItem> ownItems(CaseFile file) {
    List<TimelineItem> items = new ArrayList<>();
    items.add(new TimelineItem(file.listedAt(), file.listedBy(), "Lập danh sách, mở hồ sơ " + file.caseNumber(),
        Map.of()));
    for (CaseStepRecords.StepRecord record : records.all(file.id())) {
      items.add(new TimelineItem(record.recordedAt(), record.recordedBy(), steps.of(record.step()),
          fields.shown(record.data())));
    }
    for (CaseChanges.Change change : changes.of(file.id())) {
      items.add(new TimelineItem(change.changedAt(), change.changedBy(), "Sửa " + change.field(),
          Map.of("Trước", value(change.oldValue()), "Sau", value(change.newValue()))));
    }
    if (file.processInstanceId() != null) {
      for (UserOperationLogEntry entry : operations(file.processInstanceId())) {
        items.add(new TimelineItem(entry.getTimestamp().toInstant(), entry.getUserId(),
            OPERATIONS.getOrDefault(entry.getOperationType(), entry.getOperationType()),
            entry.getTaskId() == null ? Map.of() : Map.of("Công việc", taskName(entry.getTaskId()))));
      }
    }
    for (FundingRequest request : books.requestsOfCase(file.id())) {
      for (LedgerEntry entry : books.entriesOfRequest(request.id())) {
        items.add(new TimelineItem(entry.recordedAt(), entry.recordedBy(), "Quỹ: " + entry.type().label(),
            Map.of("Số tiền", format.money(entry.amount()), "Đề nghị số", String.valueOf(request.id()))));
      }
    }
    for (CaseDocument document : documents.of(file.id())) {
      items.add(new TimelineItem(document.uploadedAt(), document.uploadedBy(), "Thêm tài liệu: "
          + document.kind().label(), Map.of("Tệp", document.fileName())));
    }
    return items;
  }

  /** One line per operation: the log writes a row per changed property of it. */
  private List<UserOperationLogEntry> operations(String processInstanceId) {
    Map<String, UserOperationLogEntry> byOperation = new LinkedHashMap<>();
    for (UserOperationLogEntry entry : system.call(() -> history.createUserOperationLogQuery()
        .processInstanceId(processInstanceId).orderByTimestamp().asc().listPage(0, OPERATION_LOG_LIMIT))) {
      byOperation.putIfAbsent(entry.getOperationId(), entry);
    }
    return List.copyOf(byOperation.values());
  }

  /** The step a task was, by its name (which also carries the case number, shown on the page already). */
  private String taskName(String taskId) {
    HistoricTaskInstance task = system.call(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    return task == null ? "(đã xóa)" : TaskTitle.step(task.getName());
  }

  private static String value(String text) {
    return text == null ? "(trống)" : text;
  }
}
