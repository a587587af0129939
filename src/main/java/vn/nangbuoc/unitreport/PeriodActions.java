package vn.nangbuoc.unitreport;

import org.springframework.stereotype.Component;

/**
 * What the period's page offers the user, as {@code ${@periodActions.mayOpen(period, #authentication.name)}}: the
 * same rule the opening itself enforces ({@link PeriodOpeners}), so a button is shown only to whom it works for.
 */
@Component("periodActions")
public class PeriodActions {

  private final PeriodOpeners openers;

  PeriodActions(PeriodOpeners openers) {
    this.openers = openers;
  }

  /** Whether the period is still closed and the user may open it. */
  public boolean mayOpen(Object period, String userId) {
    if (!(period instanceof ReportPeriod p) || p.isOpen() || userId == null) {
      return false;
    }
    return openers.isAdministrator(userId)
        || p.kind() == ReportPeriod.Kind.AD_HOC && openers.receivingHead(userId, p.rootUnitCode());
  }

  /** Whether the user may declare a period at all (the list's link to the form). */
  public boolean mayDeclare(String userId) {
    return userId != null && openers.maySomeOffice(userId);
  }
}
