package vn.nangbuoc.casepage;

import java.util.HashMap;
import java.util.Map;
import vn.nangbuoc.casefile.Caregiver;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.input.VietnameseFormat;

/**
 * The edit form's values as text, by the same field names the listing API reads, so a refused
 * save can show the user exactly what they typed.
 */
final class CaseForm {

  private CaseForm() {
  }

  static Map<String, String> of(CaseFile file, Caregiver caregiver) {
    Map<String, String> form = new HashMap<>();
    form.put("version", String.valueOf(file.version()));
    form.put("fullName", file.fullName());
    form.put("dateOfBirth", VietnameseFormat.date(file.dateOfBirth()));
    form.put("sex", file.sex().name());
    form.put("ethnicity", text(file.ethnicity()));
    form.put("personalId", text(file.personalId()));
    form.put("address", file.address());
    form.put("conditionGroup", file.conditionGroup().name());
    form.put("householdStatus", name(file.householdStatus()));
    form.put("disabilityType", name(file.disabilityType()));
    form.put("disabilityLevel", name(file.disabilityLevel()));
    if (caregiver != null) {
      form.put("caregiverName", caregiver.fullName());
      form.put("caregiverRelation", caregiver.relation().name());
      form.put("caregiverPhone", text(caregiver.phone()));
    }
    return form;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String name(Enum<?> value) {
    return value == null ? "" : value.name();
  }
}
