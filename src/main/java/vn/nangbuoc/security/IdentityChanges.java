package vn.nangbuoc.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.organisation.AgencyGroup;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * What happens when a person changes a group's members or an authorization, on every path into the
 * engine (REST, Admin, Java API): administrators and case work stay apart, the change is recorded
 * for auditors ({@link IdentityChangeLog}) and the head of each agency concerned is told
 * ({@link IdentityChanged}). Changes the application makes itself (the organisation data at start,
 * a case's rights) run without a user or without authorization checks and are not a person's doing.
 */
@Component
class IdentityChanges {

  private final IdentityChangeLog log;
  private final OrganisationDirectory organisation;
  private final IdentityService identityService;
  private final EngineSystem system;
  private final ApplicationEventPublisher events;

  IdentityChanges(IdentityChangeLog log, OrganisationDirectory organisation, IdentityService identityService,
      EngineSystem system, ApplicationEventPublisher events) {
    this.log = log;
    this.organisation = organisation;
    this.identityService = identityService;
    this.system = system;
    this.events = events;
  }

  /** Refuses a membership that would let an administrator work on cases. */
  void checkMembership(String userId, String groupId) {
    String actor = person();
    if (actor == null) {
      return;
    }
    boolean caseGroup = isCaseGroup(groupId);
    if (caseGroup && actor.equals(userId)) {
      throw new InvalidInputException("Quản trị viên không tự thêm mình vào nhóm " + groupId
          + ": nhóm này làm việc trên hồ sơ của trẻ. Đề nghị lãnh đạo cơ quan phân công người khác.");
    }
    if (caseGroup && isAdministrator(userId)) {
      throw new InvalidInputException("Tài khoản " + userId + " là quản trị viên, không được vào nhóm " + groupId
          + " làm việc trên hồ sơ của trẻ: người cấu hình hệ thống không xử lý hồ sơ.");
    }
    if (Groups.CAMUNDA_ADMIN.equals(groupId) && worksOnCases(userId)) {
      throw new InvalidInputException("Tài khoản " + userId + " đang làm việc trên hồ sơ của trẻ, không được làm"
          + " quản trị viên: người xử lý hồ sơ không cấu hình hệ thống.");
    }
  }

  /** Refuses a person setting the password of someone else who works on cases. */
  void checkUserSaved(String userId, boolean created, boolean newPassword) {
    String actor = person();
    if (actor != null && !created && newPassword && !actor.equals(userId) && worksOnCases(userId)) {
      throw new InvalidInputException("Không đặt được mật khẩu cho tài khoản " + userId + ": người này làm việc trên"
          + " hồ sơ của trẻ, nên tự đổi mật khẩu của mình. Nếu họ quên mật khẩu, hãy rút tài khoản khỏi nhóm công"
          + " việc trước (lãnh đạo cơ quan được báo), đặt mật khẩu mới, rồi thêm lại.");
    }
  }

  void userSaved(String userId, boolean created, boolean newPassword) {
    IdentityChangeLog.Action action = created ? IdentityChangeLog.Action.USER_CREATED
        : newPassword ? IdentityChangeLog.Action.PASSWORD_CHANGED : IdentityChangeLog.Action.USER_CHANGED;
    changed(action, null, userId, null);
  }

  void membershipAdded(String userId, String groupId) {
    changed(IdentityChangeLog.Action.MEMBERSHIP_ADDED, groupId, userId, null);
  }

  void membershipRemoved(String userId, String groupId) {
    changed(IdentityChangeLog.Action.MEMBERSHIP_REMOVED, groupId, userId, null);
  }

  void groupDeleted(String groupId) {
    changed(IdentityChangeLog.Action.GROUP_DELETED, groupId, null, null);
  }

  void userDeleted(String userId) {
    changed(IdentityChangeLog.Action.USER_DELETED, null, userId, null);
  }

  void authorizationChanged(IdentityChangeLog.Action action, Authorization authorization) {
    changed(action, authorization.getGroupId(), authorization.getUserId(), describe(authorization));
  }

  /** Records a person's change and tells the heads of the agencies whose group or member it touched. */
  private void changed(IdentityChangeLog.Action action, String groupId, String userId, String detail) {
    String actor = person();
    if (actor == null) {
      return;
    }
    log.record(EngineTime.now(), actor, action, groupId, userId, detail);
    if (actor.equals(userId) && groupId == null) {
      // a person changing their own profile or password: recorded, nobody else's business to be told
      return;
    }
    Set<String> groups = new LinkedHashSet<>();
    if (groupId != null) {
      groups.add(groupId);
    }
    if (userId != null && !Authorization.ANY.equals(userId)) {
      groups.addAll(groupsOf(userId));
    }
    Set<String> told = new LinkedHashSet<>();
    for (String group : groups) {
      system.call(() -> organisation.agencyOfGroup(group)).filter(agency -> told.add(agency.id()))
          .ifPresent(agency -> events.publishEvent(new IdentityChanged(EngineTime.now(), actor, action.name(), groupId,
              userId, detail, agency.id(), agency.name())));
    }
  }

  /** The user acting, when a person (not the application itself) is behind the command. */
  static String person() {
    CommandContext command = Context.getCommandContext();
    if (command == null || !command.isAuthorizationCheckEnabled()) {
      return null;
    }
    return command.getAuthenticatedUserId();
  }

  private boolean isCaseGroup(String groupId) {
    List<AgencyGroup> groups = system.call(organisation::agencyGroups);
    return groups.stream().anyMatch(group -> group.groupId().equals(groupId));
  }

  /** Counted, not listed: a list has a page size, and a user in many groups must not slip past it. */
  private boolean isAdministrator(String userId) {
    return system.call(() -> identityService.createGroupQuery().groupMember(userId).groupId(Groups.CAMUNDA_ADMIN)
        .count()) > 0;
  }

  private boolean worksOnCases(String userId) {
    String[] caseGroups = system.call(organisation::agencyGroups).stream().map(AgencyGroup::groupId)
        .toArray(String[]::new);
    return caseGroups.length > 0 && system.call(() -> identityService.createGroupQuery().groupMember(userId)
        .groupIdIn(caseGroups).count()) > 0;
  }

  private Set<String> groupsOf(String userId) {
    Set<String> ids = new LinkedHashSet<>();
    system.call(() -> identityService.createGroupQuery().groupMember(userId).listPage(0, EngineLimits.SMALL_LIST))
        .stream().map(Group::getId).forEach(ids::add);
    return ids;
  }

  private static String describe(Authorization authorization) {
    String type = switch (authorization.getAuthorizationType()) {
      case Authorization.AUTH_TYPE_GLOBAL -> "GLOBAL";
      case Authorization.AUTH_TYPE_REVOKE -> "REVOKE";
      default -> "GRANT";
    };
    String permissions = Arrays.stream(authorization.getPermissions(
            ResourceTypeUtil.getPermissionsByResourceType(authorization.getResourceType())))
        .map(Permission::getName).collect(Collectors.joining(","));
    return type + " resourceType=" + authorization.getResourceType() + " resourceId=" + authorization.getResourceId()
        + " permissions=" + permissions;
  }
}
