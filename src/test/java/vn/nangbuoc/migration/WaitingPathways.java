package vn.nangbuoc.migration;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/** Takes a new child's pathway to any wait state of bpmn/child-pathway.bpmn, as the demo users would. */
public final class WaitingPathways {

  static final String FUNDS_RESERVED = "Event_FundsReserved";
  public static final String FOLLOW_UP_DUE = "TimerEvent_FollowUpDue";
  static final String POSTPONED_SURGERY = "TimerEvent_PostponedSurgeryDate";

  /** Every user task of the pathway, and the events it waits at (message, follow-up timer, postponed surgery). */
  static final List<String> WAIT_STATES = List.of(ChildPathway.TASK_REVIEW_LISTING, ChildPathway.TASK_COMPLETE_LISTING,
      ChildPathway.TASK_RECORD_SCREENING, ChildPathway.TASK_PREPARE_REFERRAL, ChildPathway.TASK_COUNSEL_FAMILY,
      ChildPathway.TASK_APPROVE_FUNDING, ChildPathway.TASK_RECORD_DISBURSEMENT, ChildPathway.TASK_SEEK_OTHER_FUNDING,
      ChildPathway.TASK_RECORD_SURGERY_RESULT, ChildPathway.TASK_ARRANGE_SERVICE, ChildPathway.TASK_FOLLOW_UP_VISIT,
      ChildPathway.TASK_CLOSE_CASE, ChildPathway.TASK_SETTLE_COSTS, ChildPathway.TASK_APPROVE_TOP_UP,
      FUNDS_RESERVED, FOLLOW_UP_DUE, POSTPONED_SURGERY);

  private final PathwayDriver driver;

  public WaitingPathways(PathwayDriver driver) {
    this.driver = driver;
  }

  public ProcessInstance waitingAt(String waitState) {
    return switch (waitState) {
      case ChildPathway.TASK_REVIEW_LISTING -> driver.listEligibleChild();
      case ChildPathway.TASK_COMPLETE_LISTING -> {
        ProcessInstance p = driver.listEligibleChild();
        driver.review(p, "RETURN");
        yield p;
      }
      case ChildPathway.TASK_RECORD_SCREENING -> accepted();
      case ChildPathway.TASK_PREPARE_REFERRAL -> screenedForSurgery();
      case ChildPathway.TASK_COUNSEL_FAMILY -> referred(false);
      case ChildPathway.TASK_APPROVE_FUNDING -> referred(true);
      case ChildPathway.TASK_RECORD_DISBURSEMENT -> approved("APPROVED");
      case ChildPathway.TASK_SEEK_OTHER_FUNDING -> approved("REJECTED");
      case FUNDS_RESERVED -> approved("WAITING");
      case ChildPathway.TASK_RECORD_SURGERY_RESULT -> funded();
      case POSTPONED_SURGERY -> {
        ProcessInstance p = funded();
        driver.surgeryPostponed(p);
        yield p;
      }
      case ChildPathway.TASK_SETTLE_COSTS -> operated();
      case FOLLOW_UP_DUE -> {
        ProcessInstance p = operated();
        driver.settle(p, 12_000_000);
        yield p;
      }
      case ChildPathway.TASK_FOLLOW_UP_VISIT -> {
        ProcessInstance p = operated();
        driver.settle(p, 12_000_000);
        driver.executeOnlyJob(p);
        yield p;
      }
      case ChildPathway.TASK_APPROVE_TOP_UP -> {
        ProcessInstance p = operated();
        driver.settle(p, 20_000_000);
        yield p;
      }
      case ChildPathway.TASK_ARRANGE_SERVICE -> {
        ProcessInstance p = accepted();
        driver.screen(p, "ASSISTIVE_DEVICE");
        yield p;
      }
      case ChildPathway.TASK_CLOSE_CASE -> {
        ProcessInstance p = accepted();
        driver.screen(p, "NONE");
        yield p;
      }
      default -> throw new IllegalArgumentException(waitState);
    };
  }

  private ProcessInstance accepted() {
    ProcessInstance p = driver.listEligibleChild();
    driver.review(p, "ACCEPT");
    return p;
  }

  private ProcessInstance screenedForSurgery() {
    ProcessInstance p = accepted();
    driver.screen(p, "SURGERY");
    return p;
  }

  private ProcessInstance referred(boolean consent) {
    ProcessInstance p = screenedForSurgery();
    driver.prepareReferral("cvldtbxh", p, 12_000_000, consent);
    return p;
  }

  private ProcessInstance approved(String decision) {
    ProcessInstance p = referred(true);
    driver.approve("tpldtbxh", p, decision);
    return p;
  }

  private ProcessInstance funded() {
    ProcessInstance p = approved("APPROVED");
    driver.disburse(p, 11_500_000);
    return p;
  }

  private ProcessInstance operated() {
    ProcessInstance p = funded();
    driver.surgeryDone(p);
    return p;
  }
}
