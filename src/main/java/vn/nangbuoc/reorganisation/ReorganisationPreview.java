package vn.nangbuoc.reorganisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.organisation.Agency;
import vn.nangbuoc.organisation.AgencyNotFoundException;
import vn.nangbuoc.organisation.InvalidOrganisationException;
import vn.nangbuoc.organisation.OrganisationChanges;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.ReorganisationCheck;
import vn.nangbuoc.organisation.UnitLevel;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.routing.Route;
import vn.nangbuoc.routing.TaskRouting;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * Says what a change set would do by doing it in a transaction that is rolled back: the same code as the
 * apply makes the changes, then the routing of every open task and of every task of the pathway for every
 * commune of the new structure is asked, and nothing stays. What the apply would find blocking is found here.
 */
@Component
class ReorganisationPreview {

  /** The amounts asked for the approvals: one in each band of the routing table's limits. */
  private static final List<Long> AMOUNTS = List.of(1_000_000L, 50_000_000L, 500_000_000L);
  /** Case files moved, and pathways asked for their tasks, per statement: well under any driver's limit. */
  private static final int CHUNK = 500;

  private final TransactionTemplate rolledBack;
  private final StructuralChange structure;
  private final CasePlanner planner;
  private final Reorganisations reorganisations;
  private final OrganisationChanges changes;
  private final OrganisationDirectory organisation;
  private final CaseFileService caseFiles;
  private final TaskRouting routing;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final AuthorizationService authorizations;
  private final FundsOfEndedAgencies funds;
  private final EngineSystem system;
  private final ObjectProvider<ReorganisationCheck> checks;

  ReorganisationPreview(PlatformTransactionManager transactions, StructuralChange structure, CasePlanner planner,
      Reorganisations reorganisations, OrganisationChanges changes, OrganisationDirectory organisation,
      CaseFileService caseFiles, TaskRouting routing, TaskService taskService, IdentityService identityService,
      AuthorizationService authorizations, FundsOfEndedAgencies funds, EngineSystem system,
      ObjectProvider<ReorganisationCheck> checks) {
    this.rolledBack = new TransactionTemplate(transactions);
    this.structure = structure;
    this.planner = planner;
    this.reorganisations = reorganisations;
    this.changes = changes;
    this.organisation = organisation;
    this.caseFiles = caseFiles;
    this.routing = routing;
    this.taskService = taskService;
    this.identityService = identityService;
    this.authorizations = authorizations;
    this.funds = funds;
    this.system = system;
    this.checks = checks;
  }

  Preview preview(ChangeSet changeSet, String text, String user) {
    return rolledBack.execute(status -> {
      status.setRollbackOnly();
      return simulate(changeSet, text, user);
    });
  }

  private Preview simulate(ChangeSet changeSet, String text, String user) {
    LocalDate today = EngineTime.today();
    boolean applicableNow = !changeSet.effective().isAfter(today);
    // simulated as if in effect today, so that routing already sees what ends
    LocalDate endDay = applicableNow ? changeSet.effective() : today;
    List<String> problems = new ArrayList<>();
    if (!applicableNow) {
      problems.add("Chưa đến ngày hiệu lực " + VietnameseFormat.date(changeSet.effective())
          + ": chỉ áp dụng được từ ngày đó.");
    }
    StructuralChange.Outcome outcome;
    try {
      outcome = structure.apply(changeSet, endDay);
    } catch (InvalidOrganisationException e) {
      problems.addAll(e.problems());
      return empty(changeSet, applicableNow, problems);
    }
    problems.addAll(outcome.problems());
    long simulationId = reorganisations.create(changeSet, text, user, null);
    planner.plan(simulationId, outcome);

    Map<String, Integer> tasksPerGroup = new TreeMap<>();
    Set<String> destinations = new LinkedHashSet<>(outcome.startedUnits());
    List<Reorganisations.PlannedCase> everyPlanned = planner.everyPlanned(simulationId);
    Map<String, List<Long>> moving = new LinkedHashMap<>();
    for (Reorganisations.PlannedCase planned : everyPlanned) {
      destinations.add(planned.toCommune());
      if (!planned.fromCommune().equals(planned.toCommune())) {
        moving.computeIfAbsent(planned.toCommune(), c -> new ArrayList<>()).add(planned.caseId());
      }
    }
    // in bulk: a city holds ten closed cases for each open one (docs/performance.md, issue 19)
    moving.forEach((to, ids) -> chunks(ids).forEach(chunk -> caseFiles.carryAllTo(chunk, to)));
    routeOpenTasks(everyPlanned, tasksPerGroup, problems);
    checkEveryTaskRoutes(destinations, problems);
    List<Preview.GroupWork> work = new ArrayList<>();
    tasksPerGroup.forEach((group, tasks) -> {
      int members = system.call(() -> identityService.createUserQuery().memberOfGroup(group).count()).intValue();
      if (members == 0) {
        problems.add("Nhóm " + group + " sẽ nhận " + tasks + " công việc nhưng chưa có ai.");
      }
      work.add(new Preview.GroupWork(group, organisation.agencyOfGroup(group).map(Agency::name).orElse(group), tasks,
          members));
    });
    List<Preview.FundMove> fundMoves = funds.moves(outcome, problems);
    // what other features would strand (a unit's open report keeps its units and groups): their own check
    List<String> endingGroups = outcome.endedAgencies().keySet().stream().flatMap(a -> changes.groupsOf(a).stream())
        .toList();
    checks.orderedStream().forEach(check -> problems.addAll(check.problems(outcome.endedUnits(), endingGroups)));
    return new Preview(changeSet.name(), changeSet.effective(), applicableNow,
        outcome.endedUnits().stream().map(this::unitNamed).toList(),
        outcome.startedUnits().stream().map(this::unitNamed).toList(),
        outcome.endedAgencies().entrySet().stream().map(e -> new Preview.AgencyEnding(e.getKey(),
            agencyName(e.getKey()), e.getValue().stream().map(this::agencyName).toList())).toList(),
        outcome.startedAgencies().stream().map(id -> new Preview.Named(id, agencyName(id))).toList(),
        caseMoves(simulationId), work, readRights(simulationId), rightsRevoked(outcome),
        peopleLosingWork(outcome), peopleGainingWork(outcome), fundMoves, problems);
  }

  /** The open tasks of the planned cases, asked of the engine a chunk of cases at a time. */
  private void routeOpenTasks(List<Reorganisations.PlannedCase> everyPlanned, Map<String, Integer> tasksPerGroup,
      List<String> problems) {
    Map<String, Long> caseOfInstance = new LinkedHashMap<>();
    everyPlanned.stream().filter(planned -> planned.processInstanceId() != null)
        .forEach(planned -> caseOfInstance.put(planned.processInstanceId(), planned.caseId()));
    for (List<String> chunk : chunks(List.copyOf(caseOfInstance.keySet()))) {
      for (Task task : openTasksOf(chunk)) {
        try {
          Route route = routing.routeFor(task.getTaskDefinitionKey(), task.getProcessInstanceId());
          tasksPerGroup.merge(route.agency().groupId(), 1, Integer::sum);
        } catch (AgencyNotFoundException e) {
          problems.add("Công việc \"" + task.getName() + "\" của hồ sơ số "
              + caseOfInstance.get(task.getProcessInstanceId()) + ": " + e.getMessage());
        }
      }
    }
  }

  private List<Task> openTasksOf(List<String> processInstanceIds) {
    List<Task> all = new ArrayList<>();
    for (int first = 0; ; first += CHUNK) {
      int from = first;
      List<Task> page = system.call(() -> taskService.createTaskQuery()
          .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).orderByTaskId().asc()
          .listPage(from, CHUNK));
      all.addAll(page);
      if (page.size() < CHUNK) {
        return all;
      }
    }
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    for (int first = 0; first < all.size(); first += CHUNK) {
      chunks.add(all.subList(first, Math.min(all.size(), first + CHUNK)));
    }
    return chunks;
  }

  /** Every task the pathway can create, for a child of every commune the change set touches or starts. */
  private void checkEveryTaskRoutes(Set<String> communes, List<String> problems) {
    Set<String> reported = new LinkedHashSet<>();
    for (String commune : communes) {
      if (organisation.unit(commune).filter(u -> u.level() == UnitLevel.COMMUNE).isEmpty()) {
        continue;
      }
      for (String taskKey : ChildPathway.USER_TASKS) {
        for (Long amount : AMOUNTS) {
          try {
            String group = routing.route(taskKey, commune, amount).agency().groupId();
            boolean staffed = system.call(() -> identityService.createUserQuery().memberOfGroup(group).count() > 0);
            if (!staffed && reported.add(group)) {
              problems.add("Nhóm " + group + " (" + organisation.agencyOfGroup(group).map(Agency::name).orElse("")
                  + ") sẽ nhận công việc \"" + taskKey + "\" nhưng chưa có ai.");
            }
          } catch (AgencyNotFoundException e) {
            if (reported.add(taskKey + "@" + commune)) {
              problems.add("Công việc " + taskKey + " cho " + commune + ": " + e.getMessage());
            }
          }
        }
      }
    }
  }

  private List<Preview.CaseMove> caseMoves(long simulationId) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Reorganisations.Destination destination : reorganisations.destinations(simulationId)) {
      int[] count = counts.computeIfAbsent(destination.fromCommune() + "→" + destination.toCommune(),
          key -> new int[2]);
      count["CLOSED".equals(destination.status()) ? 1 : 0] += destination.cases();
    }
    List<Preview.CaseMove> moves = new ArrayList<>();
    counts.forEach((key, count) -> {
      String[] fromTo = key.split("→");
      moves.add(new Preview.CaseMove(unitName(fromTo[0]), unitName(fromTo[1]), count[0], count[1]));
    });
    return moves;
  }

  /** The groups that read the planned cases afterwards, and how many each. */
  private List<Preview.GroupAccess> readRights(long simulationId) {
    Map<String, Integer> perGroup = new TreeMap<>();
    Map<String, Integer> perCommune = new TreeMap<>();
    reorganisations.destinations(simulationId)
        .forEach(d -> perCommune.merge(d.toCommune(), d.cases(), Integer::sum));
    perCommune.forEach((commune, cases) -> organisation.groupsServing(commune)
        .forEach(group -> perGroup.merge(group, cases, Integer::sum)));
    return perGroup.entrySet().stream().map(e -> new Preview.GroupAccess(e.getKey(), e.getValue())).toList();
  }

  /** Every right of the ended agencies' groups goes: how many each holds now. */
  private List<Preview.GroupAccess> rightsRevoked(StructuralChange.Outcome outcome) {
    List<Preview.GroupAccess> revoked = new ArrayList<>();
    for (String agency : outcome.endedAgencies().keySet()) {
      for (String group : changes.groupsOf(agency)) {
        int count = system.call(() -> authorizations.createAuthorizationQuery().groupIdIn(group).count()).intValue();
        revoked.add(new Preview.GroupAccess(group, count));
      }
    }
    return revoked;
  }

  private List<Preview.PersonWork> peopleLosingWork(StructuralChange.Outcome outcome) {
    Map<String, List<String>> lost = new TreeMap<>();
    for (String agency : outcome.endedAgencies().keySet()) {
      for (String group : changes.groupsOf(agency)) {
        membersOf(group).forEach(user -> lost.computeIfAbsent(user, u -> new ArrayList<>()).add(group));
      }
    }
    return lost.entrySet().stream().map(e -> new Preview.PersonWork(e.getKey(), e.getValue(),
        organisation.communesOf(e.getKey()).isEmpty())).toList();
  }

  private List<Preview.PersonWork> peopleGainingWork(StructuralChange.Outcome outcome) {
    Map<String, List<String>> gained = new TreeMap<>();
    for (String agency : outcome.startedAgencies()) {
      for (String group : changes.groupsOf(agency)) {
        membersOf(group).forEach(user -> gained.computeIfAbsent(user, u -> new ArrayList<>()).add(group));
      }
    }
    return gained.entrySet().stream().map(e -> new Preview.PersonWork(e.getKey(), e.getValue(), false)).toList();
  }

  private List<String> membersOf(String group) {
    return system.call(() -> identityService.createUserQuery().memberOfGroup(group)
        .listPage(0, EngineLimits.SMALL_LIST)).stream().map(User::getId).toList();
  }

  private Preview.Named unitNamed(String code) {
    return new Preview.Named(code, unitName(code));
  }

  private String unitName(String code) {
    return organisation.unit(code).map(unit -> unit.displayName()).orElse(code);
  }

  private String agencyName(String id) {
    return changes.agency(id).map(Agency::name).orElse(id);
  }

  private static Preview empty(ChangeSet changeSet, boolean applicableNow, List<String> problems) {
    return new Preview(changeSet.name(), changeSet.effective(), applicableNow, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), problems);
  }
}
