package vn.nangbuoc.reorganisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.FundRegistry;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.Agency;
import vn.nangbuoc.organisation.OrganisationChanges;
import vn.nangbuoc.organisation.OrganisationWriter;
import vn.nangbuoc.system.EngineSystem;

/**
 * The organisation's side of a change set, made in the caller's transaction and safe to make twice: what
 * starts is written, merged and abolished units end with their agencies (each agency succeeded by the one
 * named, else by the agency of the same kind of the unit it merged into), duties move, units are renamed,
 * people move between groups. It answers what changed, for the cases' side and for the preview.
 */
@Component
class StructuralChange {

  /**
   * @param communeMoves a merged unit → the unit its cases go to
   * @param endedAgencies an agency that ended → its successors (empty: nobody named, nobody of its kind)
   * @param areas units whose cases are looked at again (merged, abolished, and everything under them)
   * @param touchedAgencies agencies whose open tasks may have to go elsewhere (ended, or lost duties)
   */
  record Outcome(List<String> startedUnits, List<String> startedAgencies, Map<String, String> communeMoves,
      List<String> endedUnits, Map<String, List<String>> endedAgencies, Set<String> areas,
      Set<String> touchedAgencies, List<String> problems) {
  }

  private final OrganisationWriter writer;
  private final OrganisationChanges changes;
  private final IdentityService identityService;
  private final EngineSystem system;
  private final FundRegistry fundRegistry;

  StructuralChange(OrganisationWriter writer, OrganisationChanges changes, IdentityService identityService,
      EngineSystem system, FundRegistry fundRegistry) {
    this.fundRegistry = fundRegistry;
    this.writer = writer;
    this.changes = changes;
    this.identityService = identityService;
    this.system = system;
  }

  /** @param endDay the first day without what ends (the change set's effective day) */
  Outcome apply(ChangeSet changeSet, LocalDate endDay) {
    writer.write(changeSet.organisation(), changeSet.name());
    fundRegistry.registerFunds();
    Outcome outcome = new Outcome(
        changeSet.organisation().units().stream().map(u -> u.code()).toList(),
        changeSet.organisation().agencies().stream().map(a -> a.id()).toList(),
        new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
        new ArrayList<>());
    for (ChangeSet.Change change : changeSet.changes()) {
      if (change.merge() != null) {
        merge(change, endDay, outcome);
      } else if (change.abolish() != null) {
        abolish(change, endDay, outcome);
      } else if (change.moveDuties() != null) {
        moveDuties(change.moveDuties(), outcome);
      } else {
        rename(change.rename(), outcome);
      }
    }
    system.run(() -> changeSet.members().forEach(move -> moveMember(move, outcome)));
    return outcome;
  }

  private void merge(ChangeSet.Change change, LocalDate endDay, Outcome outcome) {
    if (changes.unit(change.into()).isEmpty()) {
      outcome.problems().add("Đơn vị nhận " + change.into() + " chưa có: khai báo nó ở mục units.");
      return;
    }
    for (String source : change.merge()) {
      if (changes.unit(source).isEmpty()) {
        outcome.problems().add("Đơn vị " + source + " (sáp nhập vào " + change.into() + ") không có.");
        continue;
      }
      List<Agency> intoAgencies = changes.agenciesOfUnit(change.into(), endDay);
      for (Agency agency : changes.agenciesOfUnit(source, endDay.minusDays(1))) {
        List<String> successors = change.successors().getOrDefault(agency.id(), intoAgencies.stream()
            .filter(other -> other.kind().equals(agency.kind())).map(Agency::id).toList());
        end(agency, endDay, successors, outcome);
      }
      changes.endUnit(source, endDay, List.of(change.into()));
      changes.reparentChildren(source, change.into(), endDay);
      outcome.endedUnits().add(source);
      outcome.communeMoves().put(source, change.into());
      outcome.areas().addAll(changes.unitAndDescendants(source));
    }
  }

  private void abolish(ChangeSet.Change change, LocalDate endDay, Outcome outcome) {
    AdministrativeUnit unit = changes.unit(change.abolish()).orElse(null);
    if (unit == null) {
      outcome.problems().add("Đơn vị bị bỏ " + change.abolish() + " không có.");
      return;
    }
    if (unit.parentCode() == null) {
      outcome.problems().add("Không bỏ được " + unit.displayName() + ": đơn vị cấp cao nhất không có cấp trên nhận.");
      return;
    }
    outcome.areas().addAll(changes.unitAndDescendants(unit.code()));
    for (Agency agency : changes.agenciesOfUnit(unit.code(), endDay.minusDays(1))) {
      end(agency, endDay, change.successors().getOrDefault(agency.id(), List.of()), outcome);
    }
    changes.endUnit(unit.code(), endDay, List.of(unit.parentCode()));
    changes.reparentChildren(unit.code(), unit.parentCode(), endDay);
    outcome.endedUnits().add(unit.code());
  }

  private void end(Agency agency, LocalDate endDay, List<String> successors, Outcome outcome) {
    for (String successor : successors) {
      if (changes.agency(successor).isEmpty()) {
        outcome.problems().add("Cơ quan kế thừa " + successor + " của " + agency.name() + " không có.");
        return;
      }
    }
    changes.endAgency(agency.id(), endDay, successors);
    outcome.endedAgencies().put(agency.id(), changes.successorsOfAgency(agency.id()));
    outcome.touchedAgencies().add(agency.id());
  }

  private void moveDuties(ChangeSet.DutyMove move, Outcome outcome) {
    if (changes.agency(move.from()).isEmpty() || changes.agency(move.to()).isEmpty()) {
      outcome.problems().add("Chuyển nhiệm vụ từ " + move.from() + " sang " + move.to() + ": cơ quan không có.");
      return;
    }
    changes.moveDuties(move.from(), move.to(), move.duties() == null ? List.of() : move.duties());
    outcome.touchedAgencies().add(move.from());
  }

  private void rename(ChangeSet.Rename rename, Outcome outcome) {
    if (changes.unit(rename.unit()).isEmpty()) {
      outcome.problems().add("Đổi tên: đơn vị " + rename.unit() + " không có.");
      return;
    }
    changes.renameUnit(rename.unit(), rename.name(), rename.type());
  }

  private void moveMember(ChangeSet.MemberMove move, Outcome outcome) {
    if (identityService.createUserQuery().userId(move.user()).count() == 0) {
      outcome.problems().add("Người dùng " + move.user() + " (mục members) không có.");
      return;
    }
    for (String group : move.leaves()) {
      if (identityService.createUserQuery().userId(move.user()).memberOfGroup(group).count() > 0) {
        identityService.deleteMembership(move.user(), group);
      }
    }
    for (String group : move.joins()) {
      if (identityService.createGroupQuery().groupId(group).count() == 0) {
        outcome.problems().add("Nhóm " + group + " (người dùng " + move.user() + " chuyển đến) không có.");
      } else if (identityService.createUserQuery().userId(move.user()).memberOfGroup(group).count() == 0) {
        identityService.createMembership(move.user(), group);
      }
    }
  }
}
