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
 * diacritics, birth date and commune.
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
    Map<String, CaseFile> byPersonalId = caseFiles.withPersonalIds(valid.stream().map(ChildListing::personalId)
        .filter(id -> id != null).collect(Collectors.toSet()));
    Map<Likeness, CaseFile> byLikeness = new HashMap<>();
    for (CaseFile file : caseFiles.withFoldedNames(valid.stream().map(child -> NameFolding.fold(child.fullName()))
        .collect(Collectors.toSet()))) {
      if (file.status() != CaseStatus.MERGED) {
        byLikeness.putIfAbsent(Likeness.of(file), file);
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
      CaseFile listed = child.personalId() == null ? null : byPersonalId.get(child.personalId());
      CaseFile alike = byLikeness.containsKey(likeness) && likeness.mayBe(byLikeness.get(likeness), child.personalId())
          ? byLikeness.get(likeness) : null;
      CaseFile matched = listed != null ? listed : alike;
      if (listed != null && area.contains(listed.communeCode())) {
        results.add(duplicate(number, listed, "cùng số định danh cá nhân", cells));
      } else if (child.personalId() != null && rowOfPersonalId.containsKey(child.personalId())) {
        results.add(new RowResult(number, RowOutcome.DUPLICATE, "Cùng số định danh cá nhân với dòng "
            + rowOfPersonalId.get(child.personalId()) + " của tệp.", null, null, cells));
      } else if (alike != null && area.contains(alike.communeCode())) {
        results.add(duplicate(number, alike, "cùng họ tên, ngày sinh và xã/phường", cells));
      } else if (rowOfLikeness.containsKey(likeness)) {
        results.add(new RowResult(number, RowOutcome.DUPLICATE, "Cùng họ tên, ngày sinh và xã/phường với dòng "
            + rowOfLikeness.get(likeness) + " của tệp.", null, null, cells));
      } else {
        if (matched != null) {
          // outside the area: the same answer as for a child nobody listed
          outsideArea.put(results.size(), matched);
        }
        results.add(new RowResult(number, RowOutcome.NEW, null, null, null, cells));
      }
      if (child.personalId() != null) {
        rowOfPersonalId.putIfAbsent(child.personalId(), number);
      }
      rowOfLikeness.putIfAbsent(likeness, number);
    }
    return results;
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
