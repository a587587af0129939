package vn.nangbuoc.unitreport;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.organisation.AgencyNotFoundException;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.ResponsibleAgency;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;

/**
 * Who declares and opens a period. An administrator, any period. Otherwise only the head of the office that
 * receives the reports of a unit (duty REPORT_RECEIVING, role HEAD), an ad-hoc period of that unit alone: asking
 * the units below for a report is an official request the head signs, while the office's officers review the
 * reports (their task) and need not ask for any. Neither a deputy nor an officer, nor the office of another unit.
 */
@Component
class PeriodOpeners {

  static final String DUTY = "REPORT_RECEIVING";
  static final String ROLE = "HEAD";

  private final Roles roles;
  private final OrganisationDirectory organisation;
  private final IdentityService identityService;
  private final EngineSystem system;

  PeriodOpeners(Roles roles, OrganisationDirectory organisation, IdentityService identityService,
      EngineSystem system) {
    this.roles = roles;
    this.organisation = organisation;
    this.identityService = identityService;
    this.system = system;
  }

  boolean isAdministrator(String userId) {
    return roles.isAdministrator(userId);
  }

  /** Refuses at once whoever may open no period at all: neither an administrator nor the head of such an office. */
  void requireSomeOffice(String userId, String action) {
    if (!maySomeOffice(userId)) {
      throw refused(action);
    }
  }

  boolean maySomeOffice(String userId) {
    return isAdministrator(userId) || !unitsHeaded(userId).isEmpty();
  }

  /** The units whose receiving office the user heads: those he may ask for an ad-hoc report. */
  List<String> unitsHeaded(String userId) {
    Set<String> mine = system.call(() -> identityService.createGroupQuery().groupMember(userId)
        .listPage(0, EngineLimits.SMALL_LIST)).stream().map(Group::getId).collect(Collectors.toSet());
    return organisation.agencyGroups().stream().filter(group -> ROLE.equals(group.role()))
        .filter(group -> mine.contains(group.groupId()))
        .map(group -> organisation.agencyOfGroup(group.groupId())).flatMap(Optional::stream)
        .map(agency -> agency.unitCode()).distinct().filter(unit -> receivingHead(userId, unit)).toList();
  }

  /** Refuses a period the user may not declare or open: not his unit, or (for an office) not ad-hoc. */
  void require(String userId, ReportPeriod.Kind kind, String rootUnitCode, String action) {
    if (isAdministrator(userId)) {
      return;
    }
    if (kind != ReportPeriod.Kind.AD_HOC) {
      throw new ForbiddenException("Cơ quan tiếp nhận chỉ được " + action + " đột xuất (AD_HOC); kỳ báo cáo hằng"
          + " năm do quản trị viên khai báo.");
    }
    if (!receivingHead(userId, rootUnitCode)) {
      throw new ForbiddenException("Đồng chí chỉ được " + action + " cho các đơn vị cấp dưới của cơ quan mình:"
          + " đơn vị " + organisation.unit(rootUnitCode).map(u -> u.displayName()).orElse(rootUnitCode)
          + " không do cơ quan của đồng chí tiếp nhận báo cáo.");
    }
  }

  /** Whether the user heads the office that receives the reports of the unit, an office of that unit itself. */
  boolean receivingHead(String userId, String unitCode) {
    return receivingOffice(unitCode).filter(office -> organisation.agencyOfGroup(office.groupId())
        .filter(agency -> agency.unitCode().equals(unitCode)).isPresent())
        .filter(office -> isMember(userId, office.groupId())).isPresent();
  }

  private Optional<ResponsibleAgency> receivingOffice(String unitCode) {
    try {
      return Optional.of(organisation.responsibleAgency(DUTY, ROLE, unitCode));
    } catch (AgencyNotFoundException e) {
      return Optional.empty();
    }
  }

  private boolean isMember(String userId, String groupId) {
    return system.call(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count()) > 0;
  }

  private static ForbiddenException refused(String action) {
    return new ForbiddenException("Chỉ quản trị viên, hoặc thủ trưởng cơ quan tiếp nhận báo cáo của cấp trên (kỳ"
        + " báo cáo đột xuất cho các đơn vị cấp dưới của cơ quan mình), được " + action + ".");
  }
}
