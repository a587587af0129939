package vn.nangbuoc.caseimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ChildListingReader;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.DisabilityLevel;
import vn.nangbuoc.casefile.DisabilityType;
import vn.nangbuoc.casefile.HouseholdStatus;
import vn.nangbuoc.casefile.NameFolding;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.organisation.AdministrativeUnit;

/**
 * Reads a row of a list as a listing, with the same rules as a listing by hand. Choices are typed
 * as people say them ("Nữ", "Hộ cận nghèo", "Mẹ"), with or without diacritics; the commune by its
 * name or its code, and only a commune of the uploader's area.
 */
final class ImportRowReader {

  /** A row read: the listing when it is valid, otherwise every reason it is not. */
  record Checked(SourceRow row, ChildListing child, List<String> errors) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  private static final Map<ImportColumn, Choice<?>> CHOICES = Map.of(
      ImportColumn.SEX, new Choice<>(Sex.values(), Sex::label),
      ImportColumn.HOUSEHOLD, new Choice<>(HouseholdStatus.values(), HouseholdStatus::label),
      ImportColumn.DISABILITY_TYPE, new Choice<>(DisabilityType.values(), DisabilityType::label),
      ImportColumn.DISABILITY_LEVEL, new Choice<>(DisabilityLevel.values(), DisabilityLevel::label),
      ImportColumn.CONDITION, new Choice<>(ConditionGroup.values(), ConditionGroup::label),
      ImportColumn.CAREGIVER_RELATION, new Choice<>(CaregiverRelation.values(), CaregiverRelation::label));

  /** Stands for a choice the reader did not recognise: no constant has this name. */
  private static final String UNKNOWN_CHOICE = "?";

  private final Map<String, String> communes = new HashMap<>();
  private final String communeNames;

  ImportRowReader(Collection<AdministrativeUnit> areaCommunes) {
    for (AdministrativeUnit commune : areaCommunes) {
      Stream.of(commune.code(), commune.name(), commune.displayName())
          .forEach(key -> communes.put(NameFolding.fold(key), commune.code()));
    }
    communeNames = areaCommunes.stream().map(AdministrativeUnit::name).sorted().collect(Collectors.joining(", "));
  }

  Checked read(SourceRow row, LocalDate today) {
    Map<String, Object> fields = new HashMap<>();
    List<String> hints = new ArrayList<>();
    row.cells().forEach((column, text) -> fields.put(column.field(), text));
    CHOICES.forEach((column, choice) -> {
      String text = row.cell(column);
      if (text != null) {
        String code = choice.codeOf(text);
        if (code == null) {
          hints.add(column.header() + " \"" + text + "\": chọn một trong " + choice.labels() + ".");
          // the hint says it all: not also "longer than 60 characters" for a long unknown choice
          fields.put(column.field(), UNKNOWN_CHOICE);
        } else {
          fields.put(column.field(), code);
        }
      }
    });
    String commune = row.cell(ImportColumn.COMMUNE);
    String communeCode = commune == null ? null : communes.get(NameFolding.fold(commune));
    FieldReader reader = FieldReader.of(fields);
    ChildListing child = ChildListingReader.read(reader, communeCode, today);
    List<String> errors = new ArrayList<>(reader.errors());
    if (commune == null) {
      errors.add("Chưa nhập xã/phường.");
    } else if (communeCode == null) {
      errors.add("Xã/phường \"" + commune + "\" không thuộc địa bàn bạn phụ trách (" + communeNames + ").");
    }
    errors.addAll(hints);
    return new Checked(row, errors.isEmpty() ? child : null, List.copyOf(errors));
  }

  /** An enumeration as the list may type it: its label or its code, folded. */
  private record Choice<E extends Enum<E>>(E[] values, Function<E, String> label) {

    String codeOf(String text) {
      String folded = NameFolding.fold(withoutExplanation(text));
      for (E value : values) {
        if (NameFolding.fold(label.apply(value)).equals(folded) || value.name().equalsIgnoreCase(text.strip())) {
          return value.name();
        }
      }
      return null;
    }

    /**
     * The start form explains some choices in brackets ("Khuyết tật vận động (biến dạng chân tay, …)"); a
     * list copied from it means the choice before the bracket, closed or cut off.
     */
    private static String withoutExplanation(String text) {
      int bracket = text.indexOf('(');
      return bracket > 0 ? text.substring(0, bracket) : text;
    }

    String labels() {
      return Stream.of(values).map(label).collect(Collectors.joining(", "));
    }
  }
}
