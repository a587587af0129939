package vn.nangbuoc.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;

class ChildListingReaderTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
  private static final String COMMUNE = "HOANGDONG";

  private static final String TOO_OLD =
      "Người từ đủ 18 tuổi trở lên không thuộc đối tượng trẻ em của chương trình.";
  private static final String NAME_LETTERS_ONLY = "Họ và tên của trẻ chỉ được gồm chữ cái và khoảng trắng.";
  private static final String BAD_PERSONAL_ID = "Số định danh cá nhân không hợp lệ: phải gồm đúng 12 chữ số.";
  private static final String BAD_PHONE =
      "Số điện thoại không hợp lệ: 10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84.";

  /** A complete, valid listing as the start form sends it. */
  private static Map<String, Object> listing() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("fullName", "Nguyễn Thị Mai");
    fields.put("dateOfBirth", "2019-03-12");
    fields.put("sex", "FEMALE");
    fields.put("ethnicity", "Tày");
    fields.put("personalId", "020319001234");
    fields.put("address", "Thôn Nà Pàn, xã Hoàng Đồng");
    fields.put("conditionGroup", "CLEFT_LIP_PALATE");
    fields.put("caregiverName", "Hoàng Thị Lan");
    fields.put("caregiverRelation", "MOTHER");
    fields.put("caregiverPhone", "0912345678");
    return fields;
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-03-12", "12/03/2019"})
  void shouldReadACompleteListing(String dateOfBirth) {
    // given
    Map<String, Object> fields = listing();
    fields.put("dateOfBirth", dateOfBirth);
    FieldReader reader = FieldReader.of(fields);

    // when
    ChildListing child = ChildListingReader.read(reader, COMMUNE, TODAY);

    // then
    assertThat(reader.errors()).isEmpty();
    assertThat(child).isEqualTo(new ChildListing("Nguyễn Thị Mai", LocalDate.of(2019, 3, 12), Sex.FEMALE, "Tày",
        "020319001234", "Thôn Nà Pàn, xã Hoàng Đồng", COMMUNE, ConditionGroup.CLEFT_LIP_PALATE, "Hoàng Thị Lan",
        CaregiverRelation.MOTHER, "0912345678"));
  }

  // a row ending in "\" has its message on the next line (the text block is the same as on one line)
  @ParameterizedTest(name = "{0} = \"{1}\"")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      fullName          | NULL                      | Chưa nhập họ và tên của trẻ.
      fullName          | ''                        | Chưa nhập họ và tên của trẻ.
      fullName          | Nguyễn Văn 2              | Họ và tên của trẻ chỉ được gồm chữ cái và khoảng trắng.
      fullName          | <script>alert(1)</script> | \
      Họ và tên của trẻ không được chứa thẻ HTML hay liên kết kiểu [chữ](địa chỉ): hãy ghi bằng chữ thường.
      dateOfBirth       | NULL                      | Chưa nhập ngày sinh.
      dateOfBirth       | 2026-11-04                | Ngày sinh không được sau ngày hôm nay.
      dateOfBirth       | 2008-11-03                | \
      Người từ đủ 18 tuổi trở lên không thuộc đối tượng trẻ em của chương trình.
      personalId        | 02031900123               | Số định danh cá nhân không hợp lệ: phải gồm đúng 12 chữ số.
      personalId        | 02031900123A              | Số định danh cá nhân không hợp lệ: phải gồm đúng 12 chữ số.
      sex               | UNKNOWN                   | Giới tính không nằm trong danh sách được chọn.
      sex               | NULL                      | Chưa nhập giới tính.
      address           | ''                        | Chưa nhập địa chỉ.
      conditionGroup    | CLUB_FOOT                 | Dạng tật không nằm trong danh sách được chọn.
      caregiverName     | NULL                      | Chưa nhập họ tên người chăm sóc.
      caregiverRelation | NEIGHBOUR                 | Quan hệ với trẻ không nằm trong danh sách được chọn.
      caregiverPhone    | 091234567                 | \
      Số điện thoại không hợp lệ: 10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84.
      caregiverPhone    | 1912345678                | \
      Số điện thoại không hợp lệ: 10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84.
      caregiverPhone    | 0912-345-678              | \
      Số điện thoại không hợp lệ: 10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84.
      """)
  void shouldRefuseABrokenRuleWithItsMessage(String field, String value, String message) {
    // given
    Map<String, Object> fields = listing();
    fields.put(field, value);
    FieldReader reader = FieldReader.of(fields);

    // when
    ChildListingReader.read(reader, COMMUNE, TODAY);

    // then
    assertThat(reader.errors()).containsExactly(message);
    assertThatThrownBy(reader::throwIfInvalid).isInstanceOf(InvalidInputException.class).hasMessage(message);
  }

  /** POST /api/cases may send "" for a date left empty: it must be as missing as an absent one. */
  @Test
  void shouldRefuseAnEmptyDateOfBirth() {
    Map<String, Object> fields = listing();
    fields.put("dateOfBirth", "");
    FieldReader reader = FieldReader.of(fields);

    ChildListing child = ChildListingReader.read(reader, COMMUNE, TODAY);

    assertThat(child.dateOfBirth()).isNull();
    assertThat(reader.errors()).containsExactly("Chưa nhập ngày sinh.");
  }

  @Test
  void shouldListEveryErrorAtOnce() {
    // given
    Map<String, Object> fields = listing();
    fields.put("fullName", "Mai 2019");
    fields.put("dateOfBirth", "2027-01-01");
    fields.put("personalId", "12345678901");
    fields.put("conditionGroup", "UNKNOWN");
    fields.put("caregiverPhone", "12345");
    FieldReader reader = FieldReader.of(fields);

    // when
    ChildListingReader.read(reader, COMMUNE, TODAY);

    // then
    assertThatThrownBy(reader::throwIfInvalid)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(String.join(" ", NAME_LETTERS_ONLY, "Ngày sinh không được sau ngày hôm nay.", BAD_PERSONAL_ID,
            "Dạng tật không nằm trong danh sách được chọn.", BAD_PHONE));
  }

  @Test
  void shouldAcceptAChildTurning18Tomorrow() {
    Map<String, Object> fields = listing();
    fields.put("dateOfBirth", "2008-11-04");
    FieldReader reader = FieldReader.of(fields);

    ChildListingReader.read(reader, COMMUNE, TODAY);

    assertThat(reader.errors()).isEmpty();
  }

  @Test
  void shouldRefuseAnAdultOlderThan18() {
    Map<String, Object> fields = listing();
    fields.put("dateOfBirth", "01/01/2000");
    FieldReader reader = FieldReader.of(fields);

    ChildListingReader.read(reader, COMMUNE, TODAY);

    assertThat(reader.errors()).containsExactly(TOO_OLD);
  }

  @Test
  void shouldAcceptAChildBornToday() {
    Map<String, Object> fields = listing();
    fields.put("dateOfBirth", TODAY.toString());
    FieldReader reader = FieldReader.of(fields);

    ChildListing child = ChildListingReader.read(reader, COMMUNE, TODAY);

    assertThat(reader.errors()).isEmpty();
    assertThat(child.dateOfBirth()).isEqualTo(TODAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void shouldReadEmptyOptionalFieldsAsMissing(String empty) {
    // given
    Map<String, Object> fields = listing();
    fields.put("ethnicity", empty);
    fields.put("personalId", empty);
    fields.put("caregiverPhone", empty);
    FieldReader reader = FieldReader.of(fields);

    // when
    ChildListing child = ChildListingReader.read(reader, COMMUNE, TODAY);

    // then
    assertThat(reader.errors()).isEmpty();
    assertThat(child.ethnicity()).isNull();
    assertThat(child.personalId()).isNull();
    assertThat(child.caregiverPhone()).isNull();
  }

  @Test
  void shouldAcceptAPhoneNumberWithTheCountryCode() {
    Map<String, Object> fields = listing();
    fields.put("caregiverPhone", "+84912345678");
    FieldReader reader = FieldReader.of(fields);

    ChildListing child = ChildListingReader.read(reader, COMMUNE, TODAY);

    assertThat(reader.errors()).isEmpty();
    assertThat(child.caregiverPhone()).isEqualTo("+84912345678");
  }

  @Test
  void shouldAcceptANameWithAnApostrophe() {
    Map<String, Object> fields = listing();
    fields.put("fullName", "H'Hen Niê");
    FieldReader reader = FieldReader.of(fields);

    ChildListing child = ChildListingReader.read(reader, COMMUNE, TODAY);

    assertThat(reader.errors()).isEmpty();
    assertThat(child.fullName()).isEqualTo("H'Hen Niê");
  }

  /**
   * Vietnamese keyboards (Unikey "Unicode tổ hợp", macOS input) can send decomposed text: the same
   * name with its tone marks as separate combining characters.
   */
  @Test
  void shouldAcceptANameTypedWithCombiningDiacritics() {
    Map<String, Object> fields = listing();
    fields.put("fullName", Normalizer.normalize("Nguyễn Thị Mai", Normalizer.Form.NFD));
    FieldReader reader = FieldReader.of(fields);

    ChildListingReader.read(reader, COMMUNE, TODAY);

    assertThat(reader.errors()).isEmpty();
  }
}
