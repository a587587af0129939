package vn.nangbuoc.home;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.nangbuoc.indicators.ReportUnits;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineTime;
import vn.nangbuoc.tasklist.TasklistLinks;

/**
 * Where a login lands and "/" leads: the user's work (how many tasks wait, each count a link into Tasklist)
 * and the product's pages they may use, by the same role checks as the pages themselves.
 */
@PageController
class HomePage {

  /** A count on the page with the Tasklist list that shows those tasks. */
  record WorkCount(String label, long count, String link) {
  }

  /** A page of the product the user may open. */
  record Destination(String label, String link, String description) {
  }

  private final TaskService tasks;
  private final Roles roles;
  private final TasklistLinks tasklist;
  private final ReportUnits reports;
  private final boolean demoMail;

  HomePage(TaskService tasks, Roles roles, TasklistLinks tasklist, ReportUnits reports,
      @Value("${nangbuoc.mail.local-server.enabled:false}") boolean demoMail) {
    this.tasks = tasks;
    this.reports = reports;
    this.roles = roles;
    this.tasklist = tasklist;
    this.demoMail = demoMail;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/trang-chu";
  }

  /** Counts only: the engine counts what the user may see (the pages tell it who is asking), nothing is listed. */
  @GetMapping("/trang-chu")
  String home(Authentication user, Model model) {
    String id = user.getName();
    Set<String> groups = roles.groupsOf(id);
    List<WorkCount> work = new ArrayList<>();
    work.add(new WorkCount("Việc đã giao cho tôi", tasks.createTaskQuery().taskAssignee(id).count(),
        tasklist.mine()));
    if (!groups.isEmpty()) {
      work.add(new WorkCount("Việc chưa ai nhận của nhóm tôi",
          tasks.createTaskQuery().taskCandidateGroupIn(List.copyOf(groups)).taskUnassigned().count(),
          tasklist.myGroups()));
    }
    work.add(new WorkCount("Việc quá hạn", mineOrMyGroups(id, groups).dueBefore(Date.from(EngineTime.now())).count(),
        tasklist.overdue()));
    model.addAttribute("work", work);
    model.addAttribute("toDo", tasklist.toDo());
    model.addAttribute("destinations", destinations(id));
    return "home/home";
  }

  private TaskQuery mineOrMyGroups(String id, Set<String> groups) {
    TaskQuery query = tasks.createTaskQuery();
    return groups.isEmpty() ? query.taskAssignee(id)
        : query.or().taskAssignee(id).taskCandidateGroupIn(List.copyOf(groups)).endOr();
  }

  private List<Destination> destinations(String id) {
    boolean administrator = roles.isAdministrator(id);
    boolean caseworker = roles.isCaseworker(id);
    List<Destination> pages = new ArrayList<>();
    // administrators read no child's case (least privilege); everyone else reads those their agency works on
    if (!administrator || caseworker || roles.isAuditor(id)) {
      pages.add(new Destination("Hồ sơ trẻ", "/ho-so", "Danh sách hồ sơ, tìm kiếm, tình trạng từng trẻ"));
    }
    if (caseworker) {
      pages.add(new Destination("Nhập danh sách trẻ", "/ho-so/nhap", "Tải lên danh sách từ tệp Excel hoặc CSV"));
      pages.add(new Destination("Hồ sơ có thể trùng", "/ho-so/trung-lap", "Xem và gộp hồ sơ của cùng một trẻ"));
    }
    if (reports.mayReadAny(id)) {
      pages.add(new Destination("Báo cáo chỉ tiêu", "/bao-cao", "Chỉ tiêu của kế hoạch, biểu đồ, tải Excel và CSV"));
    }
    if (reports.mayReadAny(id) || administrator) {
      pages.add(new Destination("Báo cáo định kỳ", "/bao-cao-dinh-ky",
          "Các kỳ báo cáo, tình trạng báo cáo của từng đơn vị, tải Excel"));
    }
    if (roles.mayReadFunds(id)) {
      pages.add(new Destination("Quỹ Bảo trợ trẻ em", "/quy", "Số dư, sổ quỹ, đề nghị hỗ trợ"));
    }
    if (administrator) {
      pages.add(new Destination("Xóa hồ sơ", "/quan-tri/xoa-ho-so", "Xóa hẳn hồ sơ của trẻ, không hoàn tác được"));
      pages.add(new Destination("Sắp xếp lại tổ chức", "/quan-tri/to-chuc-lai",
          "Tải lên lần sáp nhập, chia tách đơn vị; xem trước, áp dụng, theo dõi tiến độ"));
      pages.add(new Destination("Quản trị người dùng", "/camunda/app/admin/default/",
          "Người dùng, nhóm, quyền (Camunda Admin)"));
    }
    if (administrator || roles.isAuditor(id)) {
      pages.add(new Destination("Theo dõi quy trình", "/camunda/app/cockpit/default/",
          "Các lộ trình đang chạy và sự cố (Camunda Cockpit)"));
    }
    if (demoMail) {
      pages.add(new Destination("Thư đã gửi cho tôi", "/thu", "Máy chủ thư thử nghiệm của bản demo"));
    }
    return pages;
  }
}
