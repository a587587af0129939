package vn.nangbuoc.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.casefile.ChildListingReader;
import vn.nangbuoc.input.FieldReader;

/** The bodies of the case API: the fields the readers ask for, each from its own component, values as sent. */
class CaseApiRequestsTest {

  private static final List<String> COMPONENTS = Arrays.stream(ListingRequest.class.getRecordComponents())
      .map(RecordComponent::getName).toList();

  @Test
  void shouldHaveAFieldForEveryNameTheReaderAsksForAndNoOther() {
    Set<String> asked = new LinkedHashSet<>();
    asked.add("communeCode"); // read by the controller, before the child
    asked.add("newChildConfirmed"); // read by the controller: "Vẫn lập hồ sơ mới"
    FieldReader fields = FieldReader.of(name -> {
      asked.add(name);
      return null;
    }, "");
    ChildListingReader.read(fields, null, LocalDate.of(2026, 12, 3));
    ChildListingReader.planYear(fields);

    assertThat(asked).containsExactlyInAnyOrderElementsOf(COMPONENTS);
  }

  @Test
  void shouldReadEachFieldFromItsOwnComponent() throws ReflectiveOperationException {
    // every component holds its own name: a field read from the wrong component shows another name
    Object[] values = COMPONENTS.toArray();
    ListingRequest body = (ListingRequest) ListingRequest.class.getDeclaredConstructors()[0].newInstance(values);

    FieldReader fields = body.fields();

    for (String name : COMPONENTS) {
      assertThat(fields.optionalText(name, "trường", 100)).isEqualTo(name);
    }
    assertThat(fields.optionalText("unknown", "trường", 100)).isNull();
  }

  @Test
  void shouldKeepWhatJsonGaveSoTheReaderRefusesANumberWhereTextBelongs() {
    FieldReader fields = new WithdrawalRequest(42).fields();

    assertThat(fields.requiredText("reason", "lý do gia đình rút khỏi chương trình", 1000)).isNull();
    assertThat(fields.errors()).containsExactly("Lý do gia đình rút khỏi chương trình phải là văn bản.");
  }
}
