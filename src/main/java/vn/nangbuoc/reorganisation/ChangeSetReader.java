package vn.nangbuoc.reorganisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.organisation.OrganisationFile;

/** Reads a change set and says, in Vietnamese, what makes it unreadable before anything else looks at it. */
final class ChangeSetReader {

  private ChangeSetReader() {
  }

  static ChangeSet read(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw new InvalidInputException("Tệp thay đổi tổ chức trống.");
    }
    ChangeSet changeSet;
    try {
      changeSet = OrganisationFile.yaml().readValue(yaml, ChangeSet.class);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (dòng " + e.getLocation().getLineNr() + ")";
      throw new InvalidInputException("Tệp thay đổi tổ chức không đọc được" + where
          + ": kiểm tra cú pháp YAML và tên các mục (name, effective, units, agencies, changes, members).");
    }
    List<String> problems = new ArrayList<>();
    if (changeSet.name() == null || changeSet.name().isBlank()) {
      problems.add("Thiếu tên (name) của lần sắp xếp.");
    }
    if (changeSet.effective() == null) {
      problems.add("Thiếu ngày hiệu lực (effective).");
    }
    for (int i = 0; i < changeSet.changes().size(); i++) {
      ChangeSet.Change change = changeSet.changes().get(i);
      if (change.operations() != 1) {
        problems.add("Thay đổi thứ " + (i + 1) + " phải có đúng một trong: merge, abolish, moveDuties, rename.");
      } else if (change.merge() != null && (change.into() == null || change.merge().isEmpty())) {
        problems.add("Thay đổi thứ " + (i + 1) + ": merge cần danh sách đơn vị và đơn vị nhận (into).");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(String.join(" ", problems));
    }
    return changeSet;
  }
}
