package vn.nangbuoc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The feature packages stay a tree: no cycles, the case file and organisation know no workflow,
 * and the case file and the fund use no class of the engine themselves (the engine's clock reaches them
 * through {@code system.EngineTime}).
 */
class ModuleBoundariesTest {

  /** A class of ours that extends one of the engine's brings the engine along wherever it is used. */
  private static final DescribedPredicate<JavaClass> OF_THE_ENGINE = DescribedPredicate.describe(
      "belong to or extend the Camunda engine", type -> isCamunda(type)
          || type.getAllRawSuperclasses().stream().anyMatch(ModuleBoundariesTest::isCamunda));

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("vn.nangbuoc");

  @Test
  void shouldHaveNoCyclesBetweenFeatures() {
    slices().matching("vn.nangbuoc.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void shouldKeepCaseFilesAndOrganisationFreeOfTheWorkflow() {
    noClasses().that().resideInAnyPackage("vn.nangbuoc.casefile..", "vn.nangbuoc.organisation..", "vn.nangbuoc.input..")
        .should().dependOnClassesThat().resideInAnyPackage("vn.nangbuoc.pathway..", "vn.nangbuoc.routing..",
            "vn.nangbuoc.escalation..",
            "vn.nangbuoc.listing..", "vn.nangbuoc.screening..", "vn.nangbuoc.referral..", "vn.nangbuoc.funding..",
            "vn.nangbuoc.surgery..", "vn.nangbuoc.followup..", "vn.nangbuoc.closure..", "vn.nangbuoc.security..")
        .check(CLASSES);
  }

  @Test
  void shouldKeepCaseFilesAndFundsFreeOfTheEngine() {
    noClasses().that().resideInAnyPackage("vn.nangbuoc.casefile..", "vn.nangbuoc.fund..")
        .should().dependOnClassesThat(OF_THE_ENGINE)
        .check(CLASSES);
  }

  @Test
  void shouldKeepStepFeaturesApartFromEachOther() {
    String[] steps = {"listing", "screening", "referral", "funding", "surgery", "followup", "closure"};
    for (String step : steps) {
      String[] others = java.util.Arrays.stream(steps).filter(s -> !s.equals(step))
          .map(s -> "vn.nangbuoc." + s + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("vn.nangbuoc." + step + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .check(CLASSES);
    }
  }

  private static boolean isCamunda(JavaClass type) {
    return type.getPackageName().startsWith("org.camunda.");
  }
}
