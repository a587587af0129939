package vn.nangbuoc.casefile;

import java.time.LocalDate;

/**
 * What makes a case file "probably this child" when there is no personal ID to decide: the same name
 * without diacritics or case, the same birth date and the same commune. One rule for listing one child and
 * for importing a list, so that the two never disagree about who was listed before.
 */
public record Likeness(String foldedName, LocalDate dateOfBirth, String communeCode) {

  public static Likeness of(String fullName, LocalDate dateOfBirth, String communeCode) {
    return new Likeness(NameFolding.fold(fullName), dateOfBirth, communeCode);
  }

  public static Likeness of(CaseFile file) {
    return of(file.fullName(), file.dateOfBirth(), file.communeCode());
  }

  /**
   * A case file that may be a listing of this child: alike, not merged into another (the case it was merged
   * into is alike too), and not two different personal IDs, which are two children however alike.
   */
  public boolean mayBe(CaseFile file, String personalId) {
    return file.status() != CaseStatus.MERGED && equals(of(file))
        && (file.personalId() == null || personalId == null || file.personalId().equals(personalId));
  }
}
