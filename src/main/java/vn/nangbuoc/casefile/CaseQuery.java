package vn.nangbuoc.casefile;

/**
 * A search of case files as the list page asks it; every criterion is optional.
 *
 * @param name any part of the child's name, with or without diacritics
 * @param sort one of {@link CaseSearch#SORTS}
 * @param trail what happened in the case (steps reached, funding approved, dates, outcome): what oversight asks
 */
public record CaseQuery(String name, String caseNumber, String personalId, String communeCode, CaseStatus status,
    ConditionGroup condition, String currentStep, String sort, int page, int size, CaseTrail trail) {

  public CaseQuery {
    trail = trail == null ? CaseTrail.NONE : trail;
  }

  public CaseQuery(String name, String caseNumber, String personalId, String communeCode, CaseStatus status,
      ConditionGroup condition, String currentStep, String sort, int page, int size) {
    this(name, caseNumber, personalId, communeCode, status, condition, currentStep, sort, page, size, CaseTrail.NONE);
  }
}
