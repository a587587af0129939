package vn.nangbuoc.caseimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.Likeness;
import vn.nangbuoc.casefile.NameFolding;

/**
 * Decides each row of a list: error, duplicate or new. The same personal ID is the same child; a
 * child without one is taken as listed when a case (or an earlier row) has the same name without
 * diacritics, birth date and commune. A child whose cases closed in earlier plan years is enrolled again
 * in today's plan, by the listing's own rule ({@link CaseFileService#refusingEnrolment}): a new case file of
 * the same personal ID, which the case page shows among the child's enrolments.
 *
 * <p>A child listed outside the uploader's area is not reported at all: "already listed elsewhere"
 * for any personal ID typed into a file would tell every commune who is in the programme. Such a row
 * reads as new in the preview, exactly as a child nobody listed; confirmed, it opens no second case
 * file but is held for the area office of the existing case ({@link vn.nangbuoc.casefile.HeldListings}).
 */
final class DuplicateCheck {

  private DuplicateCheck() {
  }

  static List<RowResult> decide(List<ImportRowReader.Checked> rows, CaseFileService caseFiles, Set<String> area) {
    return decide(rows, caseFiles, area, new HashMap<>());
  }

  /**
   * @param outsideArea filled with the rows (by index) that match a case outside the area: new to the
   *     uploader, held when confirmed
   */
  static List<RowResult> decide(List<ImportRowReader.Checked> rows, CaseFileService caseFiles, Set<String> area,
      Map<Integer, CaseFile> outsideArea) {
    List<ChildListing> valid = rows.stream().filter(ImportRowReader.Checked::valid).map(ImportRowReader.Checked::child)
        .toList();
    Set<String> personalIds = valid.stream().map(ChildListing::personalId).filter(id -> id != null)
        .collect(Collectors.toSet());
    // the listing's rule decides a personal ID: an open case, or a closed one of today's plan year or later
    Map<String, CaseFile> refusing = caseFiles.refusingEnrolment(personalIds);
    Map<String, CaseFile> latest = caseFiles.withPersonalIds(personalIds);
    Map<Likeness, List<CaseFile>> byLikeness = new HashMap<>();
    for (CaseFile file : caseFiles.withFoldedNames(valid.stream().map(child -> NameFolding.fold(child.fullName()))
        .collect(Collectors.toSet()))) {
      if (file.status() != CaseStatus.MERGED) {
        byLikeness.computeIfAbsent(Likeness.of(file), key -> new ArrayList<>()).add(file);
      }
    }
    Map<String, Integer> rowOfPersonalId = new HashMap<>();
    Map<Likeness, Integer> rowOfLikeness = new HashMap<>();
    List<RowResult> results = new ArrayList<>(rows.size());
    for (ImportRowReader.Checked row : rows) {
      Map<String, String> cells = cells(row.row());
      int number = row.row().number();
      if (!row.valid()) {
        results.add(new RowResult(number, RowOutcome.ERROR, String.join(" ", row.errors()), null, null, cells));
        continue;
      }
      ChildListing child = row.child();
      Likeness likeness = Likeness.of(child.fullName(), child.dateOfBirth(), child.communeCode());
      CaseFile listed = child.personalId() == null ? null : refusing.get(child.personalId());
      CaseFile alike = alike(byLikeness.getOrDefault(likeness, List.of()), likeness, child.personalId());
      CaseFile matched = listed != null ? listed : alike;
      if (listed != null && area.contains(listed.communeCode())) {
        results.add(listed.status() == CaseStatus.ACTIVE
            ? duplicate(number, listed, "cùng số định danh cá nhân", cells)
            : new RowResult(number, RowOutcome.DUPLICATE, CaseFileService.refusal(listed), listed.id(),
                listed.caseNumber(), cells));
      } else if (child.personalId() != null && rowOfPersonalId.containsKey(child.personalId())) {
        results.add(new RowResult(number, RowOutcome.DUPLICATE, "Cùng số định danh cá nhân với dòng "
            + rowOfPersonalId.get(child.personalId()) + " của tệp.", null, null, cells));
      } else if (alike != null && area.contains(alike.communeCode())) {
        results.add(duplicate(number, alike, "cùng họ tên, ngày sinh và xã/phường", cells));
      } else if (rowOfLikeness.containsKey(likeness)) {
        results.add(new RowResult(number, RowOutcome.DUPLICATE, "Cùng họ tên, ngày sinh và xã/phường với dòng "
            + rowOfLikeness.get(likeness) + " của tệp.", null, null, cells));
      } else if (matched != null) {
        // outside the area: the same answer as for a child nobody listed
        outsideArea.put(results.size(), matched);
        results.add(new RowResult(number, RowOutcome.NEW, null, null, null, cells));
      } else {
        results.add(enrolledAgain(number, child.personalId() == null ? null : latest.get(child.personalId()), area,
            cells));
      }
      if (child.personalId() != null) {
        rowOfPersonalId.putIfAbsent(child.personalId(), number);
      }
      rowOfLikeness.putIfAbsent(likeness, number);
    }
    return results;
  }

  /**
   * A child of the same personal ID as nothing but closed cases of earlier plan years (and none of them alike by
   * name alone, see {@link #alike}) is a new enrolment of the same child: said only where the uploader may see
   * the earlier case, as a child nobody listed elsewhere.
   */
  private static RowResult enrolledAgain(int number, CaseFile earlier, Set<String> area, Map<String, String> cells) {
    if (earlier == null || earlier.status() != CaseStatus.CLOSED || !area.contains(earlier.communeCode())) {
      return new RowResult(number, RowOutcome.NEW, null, null, null, cells);
    }
    return new RowResult(number, RowOutcome.NEW, "Tham gia lại: hồ sơ trước của trẻ (kế hoạch năm "
        + earlier.planYear() + ") đã đóng; xác nhận sẽ mở hồ sơ mới cho kế hoạch năm nay, cùng số định danh.",
        earlier.id(), earlier.caseNumber(), cells);
  }

  /**
   * The case file alike by name, birth date and commune, as a listing finds it: a case of the row's own personal
   * ID is the rule of enrolments' to decide (above), not a likeness.
   */
  private static CaseFile alike(List<CaseFile> candidates, Likeness likeness, String personalId) {
    return candidates.stream().filter(file -> likeness.mayBe(file, personalId)
        && (personalId == null || !personalId.equals(file.personalId()))).findFirst().orElse(null);
  }

  /** A duplicate of a case the uploader may see. */
  private static RowResult duplicate(int number, CaseFile listed, String why, Map<String, String> cells) {
    return new RowResult(number, RowOutcome.DUPLICATE, "Trẻ đã có hồ sơ " + listed.caseNumber() + " (" + why + ").",
        listed.id(), listed.caseNumber(), cells);
  }

  static Map<String, String> cells(SourceRow row) {
    Map<String, String> cells = new LinkedHashMap<>();
    row.cells().forEach((column, text) -> cells.put(column.field(), text));
    return cells;
  }
}
