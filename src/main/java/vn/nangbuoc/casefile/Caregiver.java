package vn.nangbuoc.casefile;

public record Caregiver(String fullName, CaregiverRelation relation, String phone) {
}
