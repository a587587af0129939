package vn.nangbuoc.routing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.ResponsibleAgency;
import vn.nangbuoc.system.EngineSystem;

/**
 * A task that someone may not decide (the approval of a request its preparer would otherwise see) goes to a group
 * none of them belongs to: the routed group when it is clean, else the first clean one of the substitutes the
 * organisation names for it (a deputy, the next tier), and theirs in turn, that has a member.
 *
 * <p>Why instead of, not as well as: the engine gives a task's candidate groups the right to see and claim it, and
 * excludes nobody within a group. Adding the substitute next to the routed group would leave the preparer seeing,
 * claiming and sitting on the approval (he may not approve it: funding.FundingRules). Handing the task to a group he
 * is not in means he never sees it, and its members can claim and give it back ("Trả việc") as with any task.
 *
 * <p>When no group is clean (the data names no substitute, or the preparer is in every one) the task stays with the
 * routed group and its description says in Vietnamese what is needed; the preparer may still return the request
 * for revision, so the child is never stuck.
 */
@Component
class FourEyesRouting {

  /** Substitutes of substitutes: a chain longer than this is a loop in the data. */
  private static final int MOST_GROUPS_TRIED = 10;

  private final List<MayNotDecide> rules;
  private final OrganisationDirectory organisation;
  private final IdentityService identityService;
  private final EngineSystem system;

  FourEyesRouting(List<MayNotDecide> rules, OrganisationDirectory organisation, IdentityService identityService,
      EngineSystem system) {
    this.rules = rules;
    this.organisation = organisation;
    this.identityService = identityService;
    this.system = system;
  }

  Route avoidingWhoMayNotDecide(Route route, String taskKey, String processInstanceId) {
    Set<String> excluded = new HashSet<>();
    rules.forEach(rule -> excluded.addAll(rule.usersFor(taskKey, processInstanceId)));
    excluded.remove(null);
    ResponsibleAgency routed = route.agency();
    if (excluded.isEmpty() || !hasMemberAmong(routed.groupId(), excluded)) {
      return route;
    }
    List<ResponsibleAgency> named = organisation.substitutesOf(routed);
    Deque<ResponsibleAgency> next = new ArrayDeque<>(named);
    Set<String> tried = new HashSet<>(Set.of(routed.groupId()));
    while (!next.isEmpty() && tried.size() < MOST_GROUPS_TRIED) {
      ResponsibleAgency substitute = next.poll();
      if (!tried.add(substitute.groupId())) {
        continue;
      }
      // a substitute nobody holds (a vacant deputy post) would be a dead end again: the next one is tried
      if (!hasMemberAmong(substitute.groupId(), excluded) && hasMembers(substitute.groupId())) {
        return route.handedTo(substitute, "Giao cho nhóm \"" + groupName(substitute)
            + "\" thay nhóm \"" + groupName(routed) + "\": người lập đề nghị thuộc nhóm đó nên không được tự phê"
            + " duyệt.");
      }
      next.addAll(organisation.substitutesOf(substitute));
    }
    return route.handedTo(routed, noSubstitute(routed, excluded, !named.isEmpty()));
  }

  private String noSubstitute(ResponsibleAgency routed, Set<String> excluded, boolean someNamed) {
    String why = someNamed ? "mọi người thay thế mà dữ liệu tổ chức chỉ định cũng có người lập đề nghị trong nhóm"
        : "dữ liệu tổ chức chưa chỉ định người thay thế (substitutes) cho vai trò này";
    long others = system.call(() -> identityService.createUserQuery().memberOfGroup(routed.groupId()).count()
        - identityService.createUserQuery().memberOfGroup(routed.groupId())
        .userIdIn(excluded.toArray(String[]::new)).count());
    String who = others > 0 ? "Một thành viên khác của nhóm \"" + groupName(routed) + "\" cần phê duyệt"
        : "Nhóm \"" + groupName(routed) + "\" không có ai khác ngoài người lập đề nghị: quản trị viên cần khai báo"
            + " người thay thế trong dữ liệu tổ chức hoặc thêm một lãnh đạo vào nhóm";
    return "Người lập đề nghị không được tự phê duyệt và " + why + ". " + who + ". Người lập đề nghị chỉ có thể"
        + " chọn \"Trả lại\" để cán bộ khác lập lại đề nghị.";
  }

  private boolean hasMemberAmong(String groupId, Set<String> users) {
    return system.call(() -> identityService.createUserQuery().memberOfGroup(groupId)
        .userIdIn(users.toArray(String[]::new)).count()) > 0;
  }

  private boolean hasMembers(String groupId) {
    return system.call(() -> identityService.createUserQuery().memberOfGroup(groupId).count()) > 0;
  }

  private String groupName(ResponsibleAgency agency) {
    Group group = system.call(() -> identityService.createGroupQuery().groupId(agency.groupId()).singleResult());
    return group == null || group.getName() == null ? agency.agencyName() : group.getName();
  }
}
