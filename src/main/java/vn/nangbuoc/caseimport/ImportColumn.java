package vn.nangbuoc.caseimport;

import java.util.Arrays;
import java.util.Optional;
import vn.nangbuoc.casefile.NameFolding;

/**
 * The columns of a commune's list, in the template's order. Headers are matched without diacritics
 * or case ("Ho va ten" is "Họ và tên"), and a header may add a hint in brackets ("Ngày sinh
 * (dd/mm/yyyy)"). Each column feeds the listing field of the same name.
 */
public enum ImportColumn {
  FULL_NAME("fullName", "Họ và tên", true, "Nguyễn Văn An"),
  DATE_OF_BIRTH("dateOfBirth", "Ngày sinh (dd/mm/yyyy)", true, "15/03/2019"),
  SEX("sex", "Giới tính", true, "Nam"),
  ETHNICITY("ethnicity", "Dân tộc", false, "Tày"),
  PERSONAL_ID("personalId", "Số định danh cá nhân", false, "020219001234"),
  ADDRESS("address", "Địa chỉ", true, "Thôn Pò Mỏ"),
  COMMUNE("communeCode", "Xã/phường", true, "Đông Kinh"),
  HOUSEHOLD("householdStatus", "Hoàn cảnh hộ gia đình", false, "Hộ nghèo"),
  DISABILITY_TYPE("disabilityType", "Dạng khuyết tật", false, "Khuyết tật vận động"),
  DISABILITY_LEVEL("disabilityLevel", "Mức độ khuyết tật", false, "Nặng"),
  CONDITION("conditionGroup", "Dạng tật", true, "Sứt môi, hở hàm ếch"),
  CAREGIVER_NAME("caregiverName", "Họ tên người chăm sóc", true, "Nguyễn Thị Bích"),
  CAREGIVER_RELATION("caregiverRelation", "Quan hệ với trẻ", true, "Mẹ"),
  CAREGIVER_PHONE("caregiverPhone", "Số điện thoại", false, "0912345678");

  private final String field;
  private final String header;
  private final boolean required;
  private final String example;

  ImportColumn(String field, String header, boolean required, String example) {
    this.field = field;
    this.header = header;
    this.required = required;
    this.example = example;
  }

  public String field() {
    return field;
  }

  public String header() {
    return header;
  }

  public boolean required() {
    return required;
  }

  public String example() {
    return example;
  }

  /** The column a header names, if any. */
  static Optional<ImportColumn> ofHeader(String text) {
    String folded = key(text);
    return Arrays.stream(values()).filter(column -> key(column.header).equals(folded)).findFirst();
  }

  private static String key(String header) {
    String withoutHint = header == null ? "" : header.replaceAll("\\(.*\\)", "");
    return NameFolding.fold(withoutHint).replaceAll("[^a-z0-9/ ]", "").strip();
  }
}
