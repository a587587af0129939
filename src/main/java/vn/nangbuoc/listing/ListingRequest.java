package vn.nangbuoc.listing;

import vn.nangbuoc.input.FieldReader;

/**
 * The body of {@code POST /api/cases}: a child's listing by the fields of the start form. The values stay as
 * JSON gave them (text, number, true/false): {@link vn.nangbuoc.casefile.ChildListingReader} checks each one, so
 * a number sent where text belongs is refused in Vietnamese, naming the field, as the form refuses it.
 * {@code newChildConfirmed: true} lists a child although a case file looks alike (the form's "Vẫn lập hồ sơ mới").
 */
record ListingRequest(Object communeCode, Object fullName, Object dateOfBirth, Object sex, Object ethnicity,
    Object personalId, Object address, Object conditionGroup, Object caregiverName, Object caregiverRelation,
    Object caregiverPhone, Object householdStatus, Object disabilityType, Object disabilityLevel, Object planYear,
    Object newChildConfirmed) {

  /** The fields by the names the readers ask for; a name the body does not have reads as not sent. */
  FieldReader fields() {
    return FieldReader.of(this::value, "");
  }

  private Object value(String name) {
    return switch (name) {
      case "communeCode" -> communeCode;
      case "fullName" -> fullName;
      case "dateOfBirth" -> dateOfBirth;
      case "sex" -> sex;
      case "ethnicity" -> ethnicity;
      case "personalId" -> personalId;
      case "address" -> address;
      case "conditionGroup" -> conditionGroup;
      case "caregiverName" -> caregiverName;
      case "caregiverRelation" -> caregiverRelation;
      case "caregiverPhone" -> caregiverPhone;
      case "householdStatus" -> householdStatus;
      case "disabilityType" -> disabilityType;
      case "disabilityLevel" -> disabilityLevel;
      case "planYear" -> planYear;
      case "newChildConfirmed" -> newChildConfirmed;
      default -> null;
    };
  }
}
