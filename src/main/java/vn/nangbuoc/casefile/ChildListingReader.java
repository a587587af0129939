package vn.nangbuoc.casefile;

import java.time.LocalDate;
import java.util.regex.Pattern;
import vn.nangbuoc.input.FieldReader;

/** Reads and checks a child's listing, the same way for the API, the start form and corrections. */
public final class ChildListingReader {

  static final int ADULT_AGE = 18;
  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} .'-]*");
  private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
  private static final Pattern PHONE = Pattern.compile("(0|\\+84)\\d{9,10}");

  private ChildListingReader() {
  }

  public static ChildListing read(FieldReader fields, String communeCode, LocalDate today) {
    String fullName = fields.requiredText("fullName", "họ và tên của trẻ", 200);
    fields.check(fullName == null || NAME.matcher(fullName).matches(),
        "Họ và tên của trẻ chỉ được gồm chữ cái và khoảng trắng.");
    LocalDate dateOfBirth = fields.requiredDate("dateOfBirth", "ngày sinh");
    if (dateOfBirth != null) {
      fields.check(!dateOfBirth.isAfter(today), "Ngày sinh không được sau ngày hôm nay.");
      fields.check(!dateOfBirth.plusYears(ADULT_AGE).isBefore(today.plusDays(1)),
          "Người từ đủ 18 tuổi trở lên không thuộc đối tượng trẻ em của chương trình.");
    }
    Sex sex = fields.requiredChoice("sex", "giới tính", Sex.class);
    String ethnicity = fields.optionalText("ethnicity", "dân tộc", 64);
    String personalId =
        fields.optionalPattern("personalId", "Số định danh cá nhân", PERSONAL_ID, "phải gồm đúng 12 chữ số");
    String address = fields.requiredText("address", "địa chỉ", 300);
    ConditionGroup condition = fields.requiredChoice("conditionGroup", "dạng tật", ConditionGroup.class);
    String caregiverName = fields.requiredText("caregiverName", "họ tên người chăm sóc", 200);
    CaregiverRelation relation = fields.requiredChoice("caregiverRelation", "quan hệ với trẻ", CaregiverRelation.class);
    String phone = fields.optionalPattern(
        "caregiverPhone", "Số điện thoại", PHONE, "10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84");
    HouseholdStatus household =
        fields.optionalChoice("householdStatus", "hoàn cảnh hộ gia đình", HouseholdStatus.class);
    DisabilityType type = fields.optionalChoice("disabilityType", "dạng khuyết tật", DisabilityType.class);
    DisabilityLevel level = fields.optionalChoice("disabilityLevel", "mức độ khuyết tật", DisabilityLevel.class);
    return new ChildListing(fullName, dateOfBirth, sex, ethnicity, personalId, address, communeCode, condition,
        caregiverName, relation, phone, household, type, level);
  }

  /** The plan year a listing names, or null for today's; whether the programme has that plan is the service's. */
  public static Integer planYear(FieldReader fields) {
    Long year = fields.optionalWholeNumber("planYear", "năm kế hoạch", PlanYears.EARLIEST, PlanYears.LATEST);
    return year == null ? null : year.intValue();
  }
}
