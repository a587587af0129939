package vn.nangbuoc.casefile;

/**
 * A search of case files as the list page asks it; every criterion is optional.
 *
 * @param name any part of the child's name, with or without diacritics
 * @param sort one of {@link CaseSearch#SORTS}
 */
public record CaseQuery(String name, String caseNumber, String personalId, String communeCode, CaseStatus status,
    ConditionGroup condition, String currentStep, String sort, int page, int size) {
}
