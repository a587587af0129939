package vn.nangbuoc.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The fields an edit changes, with their old and new values as people read them. */
final class CaseFileDiff {

  private CaseFileDiff() {
  }

  static List<CaseChanges.Change> between(CaseFile before, Caregiver caregiver, ChildListing after, String user,
      Instant at) {
    List<CaseChanges.Change> changes = new ArrayList<>();
    add(changes, "Họ và tên", before.fullName(), after.fullName(), user, at);
    add(changes, "Ngày sinh", before.dateOfBirth(), after.dateOfBirth(), user, at);
    add(changes, "Giới tính", label(before.sex()), label(after.sex()), user, at);
    add(changes, "Dân tộc", before.ethnicity(), after.ethnicity(), user, at);
    add(changes, "Số định danh cá nhân", before.personalId(), after.personalId(), user, at);
    add(changes, "Địa chỉ", before.address(), after.address(), user, at);
    add(changes, "Dạng tật (chương trình)", label(before.conditionGroup()), label(after.conditionGroup()), user, at);
    add(changes, "Hoàn cảnh hộ gia đình", label(before.householdStatus()), label(after.householdStatus()), user, at);
    add(changes, "Dạng khuyết tật", label(before.disabilityType()), label(after.disabilityType()), user, at);
    add(changes, "Mức độ khuyết tật", label(before.disabilityLevel()), label(after.disabilityLevel()), user, at);
    if (caregiver != null) {
      add(changes, "Người chăm sóc", caregiver.fullName(), after.caregiverName(), user, at);
      add(changes, "Quan hệ với trẻ", label(caregiver.relation()), label(after.caregiverRelation()), user, at);
      add(changes, "Điện thoại người chăm sóc", caregiver.phone(), after.caregiverPhone(), user, at);
    }
    return changes;
  }

  private static void add(List<CaseChanges.Change> changes, String field, Object before, Object after, String user,
      Instant at) {
    String old = before == null ? null : before.toString();
    String now = after == null ? null : after.toString();
    if (!Objects.equals(old, now)) {
      changes.add(new CaseChanges.Change(field, old, now, user, at));
    }
  }

  private static String label(Object code) {
    if (code instanceof Sex sex) {
      return sex.label();
    }
    if (code instanceof ConditionGroup group) {
      return group.label();
    }
    if (code instanceof HouseholdStatus status) {
      return status.label();
    }
    if (code instanceof DisabilityType type) {
      return type.label();
    }
    if (code instanceof DisabilityLevel level) {
      return level.label();
    }
    if (code instanceof CaregiverRelation relation) {
      return relation.label();
    }
    return null;
  }
}
