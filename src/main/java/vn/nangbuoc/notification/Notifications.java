package vn.nangbuoc.notification;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import vn.nangbuoc.casefile.CaseCoordinator;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.pathway.TaskTitle;
import vn.nangbuoc.escalation.TaskEscalated;
import vn.nangbuoc.organisation.Agency;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.routing.TaskRouted;
import vn.nangbuoc.system.EngineTime;
import vn.nangbuoc.tasklist.TaskLinks;

/**
 * Tells people by mail what the pathway (and a unit's report) asks of them. Every mail is written to the outbox inside
 * the transaction of the event that causes it, with a key (event + recipient) that makes it unique.
 */
@Service
public class Notifications {

  static final String TASK_ARRIVED = "task-arrived";
  static final String TASK_ESCALATED = "task-escalated";
  static final String FUNDING_DECIDED = "funding-decided";
  static final String LISTING_REVIEWED = "listing-reviewed";
  static final String REMINDER = "task-reminder";
  static final String DIGEST = "daily-digest";
  static final String WORK_HANDED_OVER = "reorganisation-work";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final MailOutbox outbox;
  private final MailComposer composer;
  private final Recipients recipients;
  private final DigestItems digest;
  private final TaskReferences references;
  private final OrganisationDirectory organisation;
  private final MailSettings settings;
  private final CaseCoordinator coordinator;

  Notifications(MailOutbox outbox, MailComposer composer, Recipients recipients, DigestItems digest,
      TaskReferences references, OrganisationDirectory organisation, MailSettings settings,
      CaseCoordinator coordinator) {
    this.outbox = outbox;
    this.composer = composer;
    this.recipients = recipients;
    this.digest = digest;
    this.references = references;
    this.organisation = organisation;
    this.settings = settings;
    this.coordinator = coordinator;
  }

  /** How a user wants to hear about new work (the default is the daily digest). */
  public void choose(String userId, DeliveryMode mode) {
    recipients.choose(userId, mode);
  }

  /** New work for a group: each member gets a mail now, an item in tomorrow's digest, or nothing. */
  @EventListener
  public void taskArrived(TaskRouted routed) {
    ChildReference child = references.of(routed.processInstanceId());
    Map<String, Object> model = taskModel(routed.taskId(), routed.taskName(), routed.dueDate(), child);
    model.put("agencyName", routed.agencyName());
    for (Recipient member : recipients.membersOf(routed.groupId())) {
      switch (member.mode()) {
        case IMMEDIATE -> send("task:" + routed.taskId() + ":" + member.userId(), TASK_ARRIVED, member, model);
        case DIGEST -> digest.add(member.userId(), routed.taskId(), routed.taskName(), child, routed.dueDate());
        case NONE -> { }
      }
    }
  }

  /**
   * A reorganisation handed open tasks to groups: each member hears once, whatever their delivery choice but
   * "none", how many tasks came to each of their groups, instead of a mail or a digest line a task (a city's
   * reform moves thousands). Written in the transaction that ends the reorganisation, once (its key).
   */
  public void workHandedOver(long reorganisationId, String reorganisationName, Map<String, Integer> tasksByGroup) {
    Map<String, Recipient> people = new TreeMap<>();
    Map<String, List<Map<String, Object>>> lines = new HashMap<>();
    tasksByGroup.forEach((group, tasks) -> {
      String name = recipients.groupName(group);
      for (Recipient member : recipients.membersOf(group)) {
        if (member.mode() != DeliveryMode.NONE) {
          people.put(member.userId(), member);
          lines.computeIfAbsent(member.userId(), user -> new ArrayList<>()).add(Map.of("group", name, "tasks", tasks));
        }
      }
    });
    people.forEach((userId, to) -> {
      Map<String, Object> model = new HashMap<>();
      model.put("reorganisationName", reorganisationName);
      model.put("reorganisationId", reorganisationId);
      model.put("lines", lines.get(userId));
      model.put("total", lines.get(userId).stream().mapToInt(line -> (Integer) line.get("tasks")).sum());
      model.put("link", settings.baseUrl() + "/camunda/app/tasklist/");
      send("reorganisation:" + reorganisationId + ":" + userId, WORK_HANDED_OVER, to, model);
    });
  }

  /** Overdue work goes to the head of the agency responsible for it, at every round of escalation. */
  @EventListener
  public void escalated(TaskEscalated escalation) {
    ChildReference child = references.of(escalation.processInstanceId());
    Map<String, Object> model = taskModel(escalation.taskId(), escalation.taskName(), escalation.dueDate(), child);
    model.put("agencyName", escalation.agencyName());
    model.put("round", escalation.round());
    String key = "escalation:" + escalation.taskId() + ":" + escalation.round() + ":";
    List<Recipient> heads = organisation.headGroupOf(escalation.agencyId()).map(recipients::membersOf)
        .orElse(List.of());
    if (heads.isEmpty()) {
      organisation.emailOf(escalation.agencyId()).ifPresent(mailbox -> send(key + mailbox, TASK_ESCALATED,
          new Recipient(null, mailbox, escalation.agencyName(), DeliveryMode.IMMEDIATE), model));
    }
    heads.forEach(head -> send(key + head.userId(), TASK_ESCALATED, head, model));
  }

  /** The requester of surgery funding hears the decision (not its reasons: those stay in the system). */
  public void fundingDecided(CaseFile file, String taskId, String decision, String requester) {
    recipients.user(requester).filter(r -> r.mode() != DeliveryMode.NONE).ifPresent(to -> {
      Map<String, Object> model = caseModel(file);
      model.put("decision", decision);
      send("funding:" + taskId + ":" + to.userId(), FUNDING_DECIDED, to, model);
    });
  }

  /**
   * The commune caseworker who listed a child hears that the listing came back or was not accepted, and
   * from whom: the agency of the groups the review was routed to, else the one that coordinates the
   * child's commune today.
   */
  public void listingReviewed(CaseFile file, String taskId, String decision, List<String> reviewerGroups) {
    recipients.user(file.listedBy()).filter(r -> r.mode() != DeliveryMode.NONE).ifPresent(to -> {
      Map<String, Object> model = caseModel(file);
      model.put("decision", decision);
      model.put("agencyName", reviewerGroups.stream().map(organisation::agencyOfGroup).flatMap(Optional::stream)
          .map(Agency::name).findFirst().orElseGet(() -> coordinator.nameFor(file.communeCode())));
      send("listing:" + taskId + ":" + to.userId(), LISTING_REVIEWED, to, model);
    });
  }

  void remind(String taskId, String taskName, Date dueDate, ChildReference about, Recipient to) {
    if (to.mode() != DeliveryMode.NONE) {
      send("reminder:" + taskId + ":" + to.userId(), REMINDER, to, taskModel(taskId, taskName, dueDate, about));
    }
  }

  boolean send(String key, String kind, Recipient to, Map<String, Object> model) {
    return outbox.enqueue(key, composer.compose(kind, to, model), EngineTime.now());
  }

  Map<String, Object> taskModel(String taskId, String taskName, Date dueDate, ChildReference child) {
    Map<String, Object> model = new HashMap<>();
    // the step: the case number and initials the task's name carries are in the mail already
    model.put("taskName", TaskTitle.step(taskName));
    model.put("caseNumber", child.caseNumber());
    model.put("initials", child.initials());
    model.put("due", dueDate == null ? null
        : LocalDateTime.ofInstant(dueDate.toInstant(), EngineTime.VIETNAM).format(WHEN));
    model.put("link", taskLink(taskId));
    return model;
  }

  String taskLink(String taskId) {
    return settings.baseUrl() + TaskLinks.of(taskId);
  }

  private Map<String, Object> caseModel(CaseFile file) {
    ChildReference child = ChildReference.of(file);
    Map<String, Object> model = new HashMap<>();
    model.put("caseNumber", child.caseNumber());
    model.put("initials", child.initials());
    model.put("link", settings.baseUrl() + "/camunda/app/tasklist/");
    return model;
  }
}
