package vn.nangbuoc.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganisationFileCheckTest {

  static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  static OrganisationFile.Unit unit(String code, String parent) {
    return new OrganisationFile.Unit(code, code, "Xã", parent == null ? UnitLevel.PROVINCE : UnitLevel.COMMUNE,
        parent, null, null, null);
  }

  static OrganisationFile.Agency agency(String id, String kind, String unit, List<String> duties, LocalDate from,
      LocalDate to) {
    return new OrganisationFile.Agency(id, kind, unit, "Cơ quan " + id, null, Map.of("STAFF", id + "Staff"), duties,
        null, from, to, null, null);
  }

  static OrganisationFile file(List<OrganisationFile.Agency> agencies) {
    return new OrganisationFile(
        List.of(new OrganisationFile.Duty("SCREENING", "Khám sàng lọc"),
            new OrganisationFile.Duty("REHAB", "Phục hồi")),
        List.of(new OrganisationFile.Kind("CLINIC", "Phòng khám", List.of("SCREENING", "REHAB"), List.of())),
        List.of(unit("P", null), unit("X", "P")), agencies);
  }

  @Test
  void shouldAcceptTwoAgenciesOfOneKindInOneUnitWhenTheirDutiesDiffer() {
    assertThat(OrganisationFileCheck.problemsOf(file(List.of(
        agency("a", "CLINIC", "P", List.of("SCREENING"), null, null),
        agency("b", "CLINIC", "P", List.of("REHAB"), null, null))))).isEmpty();
  }

  @Test
  void shouldRefuseTwoAgenciesThatWouldGetTheSameWorkForTheSameUnit() {
    List<String> problems = OrganisationFileCheck.problemsOf(file(List.of(
        agency("a", "CLINIC", "P", null, null, null),
        agency("b", "CLINIC", "P", List.of("REHAB"), null, null))));
    assertThat(problems).singleElement().asString().contains("a", "b", "REHAB", "P");
  }

  @Test
  void shouldAcceptTheSameDutyOneAfterTheOtherButNotOverlapping() {
    assertThat(OrganisationFileCheck.problemsOf(file(List.of(
        agency("old", "CLINIC", "P", null, null, REFORM),
        agency("new", "CLINIC", "P", null, REFORM, null))))).isEmpty();
    assertThat(OrganisationFileCheck.problemsOf(file(List.of(
        agency("old", "CLINIC", "P", null, null, REFORM.plusDays(1)),
        agency("new", "CLINIC", "P", null, REFORM, null))))).hasSize(2);
  }

  @Test
  void shouldNameEveryReferenceThatPointsNowhere() {
    OrganisationFile broken = new OrganisationFile(List.of(new OrganisationFile.Duty("SCREENING", "Khám")),
        List.of(new OrganisationFile.Kind("CLINIC", "Phòng khám", List.of("SCREENING", "UNKNOWN_DUTY"), List.of())),
        List.of(unit("P", null), unit("X", "NOWHERE"),
            new OrganisationFile.Unit("Y", "Y", "Xã", UnitLevel.COMMUNE, "P", REFORM, REFORM, List.of("GONE"))),
        List.of(agency("a", "NO_KIND", "P", null, null, null),
            agency("b", "CLINIC", "Z", List.of("NOPE"), null, null)));
    assertThat(OrganisationFileCheck.problemsOf(broken)).hasSize(7)
        .anySatisfy(p -> assertThat(p).contains("UNKNOWN_DUTY"))
        .anySatisfy(p -> assertThat(p).contains("NOWHERE")).anySatisfy(p -> assertThat(p).contains("GONE"))
        .anySatisfy(p -> assertThat(p).contains("NO_KIND")).anySatisfy(p -> assertThat(p).contains("Z"))
        .anySatisfy(p -> assertThat(p).contains("NOPE")).anySatisfy(p -> assertThat(p).contains("validTo"));
  }

  @Test
  void shouldRefuseOneGroupForTwoRoles() {
    OrganisationFile.Agency shared = new OrganisationFile.Agency("a", "CLINIC", "P", "A", null,
        Map.of("STAFF", "same", "HEAD", "same"), null, null, null, null, null, null);
    assertThat(OrganisationFileCheck.problemsOf(file(List.of(shared)))).singleElement().asString().contains("same");
  }

  @Test
  void shouldAcceptSubstitutesThatNameARoleWithAGroup() {
    OrganisationFile.Agency office = withSubstitutes("office", Map.of("HEAD", List.of(
        new OrganisationFile.Substitute(null, "DEPUTY_HEAD"), new OrganisationFile.Substitute("committee", "HEAD"))));
    OrganisationFile.Agency committee = withSubstitutes("committee", null);
    assertThat(OrganisationFileCheck.problemsOf(file(List.of(office, committee)))).isEmpty();
    // an agency stored before, not in this file, may be named: its groups are not in the file to check
    OrganisationFile.Agency alone = withSubstitutes("alone", Map.of("HEAD", List.of(
        new OrganisationFile.Substitute("storedCommittee", "VICE_CHAIRMAN"))));
    assertThat(OrganisationFileCheck.problemsOf(file(List.of(alone)), Set.of(), Set.of("storedCommittee"))).isEmpty();
  }

  @Test
  void shouldRefuseASubstituteThatPointsNowhere() {
    OrganisationFile.Agency office = withSubstitutes("office", Map.of(
        "HEAD", List.of(new OrganisationFile.Substitute("nobody", "HEAD"),
            new OrganisationFile.Substitute(null, "DIRECTOR"),
            new OrganisationFile.Substitute("committee", "VICE_CHAIRMAN"),
            new OrganisationFile.Substitute(null, null),
            new OrganisationFile.Substitute(null, "HEAD")),
        "CHAIRMAN", List.of(new OrganisationFile.Substitute(null, "HEAD"))));
    List<String> problems = OrganisationFileCheck.problemsOf(file(List.of(office, withSubstitutes("committee",
        null))));
    assertThat(problems).containsExactlyInAnyOrder(
        "Người thay thế vai trò HEAD của cơ quan office: cơ quan nobody chưa có.",
        "Người thay thế vai trò HEAD của cơ quan office: cơ quan office không có nhóm cho vai trò DIRECTOR.",
        "Người thay thế vai trò HEAD của cơ quan office: cơ quan committee không có nhóm cho vai trò VICE_CHAIRMAN.",
        "Người thay thế vai trò HEAD của cơ quan office: cần ghi vai trò (role) của người thay thế.",
        "Người thay thế vai trò HEAD của cơ quan office: không thể là chính vai trò đó.",
        "Người thay thế vai trò CHAIRMAN của cơ quan office: cơ quan không có nhóm cho vai trò CHAIRMAN.");
  }

  private static OrganisationFile.Agency withSubstitutes(String id,
      Map<String, List<OrganisationFile.Substitute>> substitutes) {
    return new OrganisationFile.Agency(id, "CLINIC", "P", "Cơ quan " + id, null, Map.of("STAFF", id + "Staff",
        "HEAD", id + "Head", "DEPUTY_HEAD", id + "Deputy"), List.of(), null, null, null, null, substitutes);
  }
}
