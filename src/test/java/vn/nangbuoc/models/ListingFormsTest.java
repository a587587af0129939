package vn.nangbuoc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The two listing forms have one source: {@link ListingForms}. */
class ListingFormsTest {

  @Test
  void shouldWriteTheCompleteListingFormFromTheChildListingForm() throws IOException {
    if (Boolean.getBoolean("nangbuoc.forms.write")) {
      ListingForms.write();
    }
    assertThat(Files.readString(ListingForms.COMPLETE_LISTING))
        .as("forms/complete-listing.form is written from child-listing.form: see ListingForms")
        .isEqualTo(ListingForms.completeListing(Files.readString(ListingForms.CHILD_LISTING)));
  }

  @Test
  void shouldAskTheTaskForTheStartFormsFieldsButTheCommuneAndPlanYearAndWithANote() throws IOException {
    String start = Files.readString(ListingForms.CHILD_LISTING);
    String task = ListingForms.completeListing(start);
    assertThat(task).contains("\"id\": \"Form_CompleteListing\"", "\"key\": \"record_completionNote\"",
        "{{case_header}}", "{{case_review_reviewNote}}")
        .doesNotContain("record_communeCode", "record_planYear", "record_newChildConfirmed", "Form_ChildListing");
    assertThat(start.lines().filter(line -> line.contains("\"key\": \"record_"))
        .filter(line -> !line.contains("record_communeCode") && !line.contains("record_planYear")
            && !line.contains("record_newChildConfirmed")))
        .allSatisfy(line -> assertThat(task).contains(line));
  }
}
