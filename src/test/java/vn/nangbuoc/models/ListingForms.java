package vn.nangbuoc.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * forms/complete-listing.form is written from forms/child-listing.form, never by hand: completing a returned
 * listing asks for the same child as listing it, so the start form is the one source of its fields. Edit
 * child-listing.form in Camunda Modeler, then rewrite this one with
 * {@code mvn -o verify -Dtest=ListingFormsTest -Dnangbuoc.forms.write=true -DskipITs}.
 * The task's form differs only in what is written below: the case's header and the reason it was returned where
 * the start form has its title and hint, no commune (the case has one), no "Vẫn lập hồ sơ mới" (the case exists),
 * and a note on what was completed.
 */
final class ListingForms {

  static final Path CHILD_LISTING = Path.of("forms/child-listing.form");
  static final Path COMPLETE_LISTING = Path.of("forms/complete-listing.form");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String HEADER = """
      {"id": "Text_Header", "type": "text", "text": "### {{case_header}}",
       "layout": {"row": "Row_Header", "columns": null}}""";
  private static final String RETURN_REASON = """
      {"id": "Text_ReturnReason", "type": "text", "text": "**Lý do trả lại:** {{case_review_reviewNote}}",
       "layout": {"row": "Row_ReturnReason", "columns": null}}""";
  private static final String COMPLETION_NOTE = """
      {"id": "Field_CompletionNote", "type": "textarea", "label": "Ghi chú bổ sung", "key": "record_completionNote",
       "validate": {"maxLength": 2000}, "layout": {"row": "Row_CompletionNote", "columns": null}}""";

  private ListingForms() {
  }

  /** Task_CompleteListing's form, as a file's text, from the start form's text. */
  static String completeListing(String childListing) {
    try {
      ObjectNode form = (ObjectNode) JSON.readTree(childListing);
      ArrayNode components = (ArrayNode) form.get("components");
      replace(components, "Text_Title", HEADER);
      replace(components, "Text_Hint", RETURN_REASON);
      replace(components, "Field_CommuneCode", null);
      // the plan year is chosen once, when the child is listed; completing a listing does not change it
      replace(components, "Field_PlanYear", null);
      replace(components, "Field_NewChildConfirmed", null);
      components.add(JSON.readTree(COMPLETION_NOTE));
      form.put("id", "Form_CompleteListing");
      return asModelerWrites(form);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("child-listing.form is not a form", e);
    }
  }

  /** Writes forms/complete-listing.form from forms/child-listing.form. */
  static void write() {
    try {
      Files.writeString(COMPLETE_LISTING, completeListing(Files.readString(CHILD_LISTING)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void replace(ArrayNode components, String id, String replacement) throws JsonProcessingException {
    for (int i = 0; i < components.size(); i++) {
      if (id.equals(components.get(i).path("id").asText())) {
        if (replacement == null) {
          components.remove(i);
        } else {
          components.set(i, JSON.readTree(replacement));
        }
        return;
      }
    }
    throw new IllegalArgumentException("child-listing.form has no component " + id);
  }

  /** Two spaces, one value a line, as Camunda Modeler saves a form: a rewrite changes only what changed. */
  private static String asModelerWrites(JsonNode form) throws JsonProcessingException {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    printer.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    return JSON.writer(printer).writeValueAsString(form) + "\n";
  }
}
