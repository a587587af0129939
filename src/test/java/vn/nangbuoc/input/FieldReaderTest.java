package vn.nangbuoc.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldReaderTest {

  private static final long MAX_COST = 1_000_000_000L;

  private static FieldReader reader(String name, Object value) {
    Map<String, Object> fields = new HashMap<>();
    fields.put(name, value);
    return FieldReader.of(fields);
  }

  // --- markup

  @ParameterizedTest
  @ValueSource(strings = {"<a href=\"http://evil\">Đăng nhập</a>", "[Đăng nhập](http://evil)",
      "![ảnh](http://evil/x.png)", "Bệnh viện <img src=x onerror=alert(1)>", "</textarea><script>", "<!-- x -->",
      "[Đăng nhập] [1]",
      "<http://evil>", "javascript:alert(1)"})
  void shouldRefuseMarkupInAnyText(String typed) {
    for (int maxLength : new int[] {300, 4000}) {
      FieldReader fields = reader("record_hospital", typed);

      assertThat(fields.optionalText("record_hospital", "bệnh viện chuyển đến", maxLength)).isNull();
      assertThat(fields.errors()).singleElement().asString().startsWith("Bệnh viện chuyển đến không được chứa");
      assertThat(fields.values()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bệnh viện [Nhi]", "Xem http://evil.example", "www.evil.example", "Khoa Mắt > Nhi"})
  void shouldRefuseBracketsAndWebAddressesInNames(String typed) {
    FieldReader fields = reader("record_hospital", typed);

    assertThat(fields.requiredText("record_hospital", "bệnh viện chuyển đến", 300)).isNull();
    assertThat(fields.errors()).singleElement().asString().contains("<, >, [, ]");
  }

  @Test
  void shouldKeepEverydayPunctuationInNotes() {
    String note = "Thị lực < 3/10, khám lại sau 3 tháng (theo hẹn); xem http://benhvien.example/lich **gấp**";
    FieldReader fields = reader("record_finding", note);

    assertThat(fields.requiredText("record_finding", "kết luận khám", 4000)).isEqualTo(note);
    assertThat(fields.errors()).isEmpty();
  }

  @Test
  void shouldRefuseAHugeTextWithoutReadingIt() {
    FieldReader fields = reader("reason", "a".repeat(15_000_000));

    assertThat(fields.optionalText("reason", "lý do", 1000)).isNull();
    assertThat(fields.errors()).containsExactly("Lý do dài quá 1000 ký tự.");
  }

  // --- text

  @Test
  void shouldReadRequiredTextStripped() {
    FieldReader fields = reader("address", "  Thôn Nà Pàn  ");

    assertThat(fields.requiredText("address", "địa chỉ", 300)).isEqualTo("Thôn Nà Pàn");
    assertThat(fields.errors()).isEmpty();
    assertThat(fields.values()).containsExactly(Map.entry("address", "Thôn Nà Pàn"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void shouldRefuseRequiredTextThatIsEmpty(String empty) {
    FieldReader fields = reader("address", empty);

    assertThat(fields.requiredText("address", "địa chỉ", 300)).isNull();
    assertThat(fields.errors()).containsExactly("Chưa nhập địa chỉ.");
    assertThat(fields.values()).isEmpty();
  }

  @Test
  void shouldRefuseRequiredTextThatIsAbsent() {
    FieldReader fields = FieldReader.of(Map.of());

    assertThat(fields.requiredText("address", "địa chỉ", 300)).isNull();
    assertThat(fields.errors()).containsExactly("Chưa nhập địa chỉ.");
  }

  @Test
  void shouldAcceptTextOfExactlyTheMaximumLength() {
    FieldReader fields = reader("ethnicity", "a".repeat(64));

    assertThat(fields.optionalText("ethnicity", "dân tộc", 64)).hasSize(64);
    assertThat(fields.errors()).isEmpty();
  }

  @Test
  void shouldRefuseOptionalTextLongerThanTheMaximum() {
    FieldReader fields = reader("ethnicity", "a".repeat(65));

    assertThat(fields.optionalText("ethnicity", "Dân tộc", 64)).isNull();
    assertThat(fields.errors()).containsExactly("Dân tộc dài quá 64 ký tự.");
    assertThat(fields.values()).isEmpty();
  }

  /** The user typed something: telling them they typed nothing as well is wrong. */
  @Test
  void shouldRefuseRequiredTextLongerThanTheMaximumWithTheLengthErrorOnly() {
    FieldReader fields = reader("caregiverName", "a".repeat(201));

    assertThat(fields.requiredText("caregiverName", "Họ tên người chăm sóc", 200)).isNull();
    assertThat(fields.errors()).containsExactly("Họ tên người chăm sóc dài quá 200 ký tự.");
  }

  @Test
  void shouldRefuseTextThatIsNotText() {
    FieldReader fields = reader("ethnicity", 42);

    assertThat(fields.optionalText("ethnicity", "Dân tộc", 64)).isNull();
    assertThat(fields.errors()).containsExactly("Dân tộc phải là văn bản.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void shouldReadEmptyOptionalTextAsMissing(String empty) {
    FieldReader fields = reader("ethnicity", empty);

    assertThat(fields.optionalText("ethnicity", "dân tộc", 64)).isNull();
    assertThat(fields.errors()).isEmpty();
    assertThat(fields.values()).isEmpty();
  }

  @Test
  void shouldForgetAValueThatBreaksItsPattern() {
    FieldReader fields = reader("personalId", "123");

    assertThat(fields.optionalPattern("personalId", "Số định danh", Pattern.compile("\\d{12}"), "12 chữ số")).isNull();
    assertThat(fields.errors()).containsExactly("Số định danh không hợp lệ: 12 chữ số.");
    assertThat(fields.values()).isEmpty();
  }

  // --- choices

  enum Colour { RED, GREEN }

  @Test
  void shouldReadAChoice() {
    FieldReader fields = reader("colour", "GREEN");

    assertThat(fields.requiredChoice("colour", "màu", Colour.class)).isEqualTo(Colour.GREEN);
    assertThat(fields.values()).containsExactly(Map.entry("colour", "GREEN"));
  }

  @Test
  void shouldRefuseAChoiceOutsideTheList() {
    FieldReader fields = reader("colour", "green");

    assertThat(fields.requiredChoice("colour", "Màu", Colour.class)).isNull();
    assertThat(fields.errors()).containsExactly("Màu không nằm trong danh sách được chọn.");
    assertThat(fields.values()).isEmpty();
  }

  // --- whole numbers

  static Stream<Arguments> wholeNumbers() {
    return Stream.of(
        Arguments.of(12_000_000, 12_000_000L),
        Arguments.of(12_000_000L, 12_000_000L),
        Arguments.of("12000000", 12_000_000L),
        Arguments.of(" 12000000 ", 12_000_000L),
        Arguments.of(12.0, 12L),
        Arguments.of(new BigDecimal("30000000"), 30_000_000L));
  }

  @ParameterizedTest
  @MethodSource("wholeNumbers")
  void shouldReadAWholeNumber(Object raw, long expected) {
    FieldReader fields = reader("cost", raw);

    assertThat(fields.requiredWholeNumber("cost", "chi phí", 0, MAX_COST)).isEqualTo(expected);
    assertThat(fields.errors()).isEmpty();
    assertThat(fields.values()).containsExactly(Map.entry("cost", expected));
  }

  static Stream<Arguments> notWholeNumbers() {
    return Stream.of(
        Arguments.of(12.5),
        Arguments.of(Double.NaN),
        Arguments.of("12a"),
        Arguments.of("12.000.000"),
        Arguments.of("-5"),
        Arguments.of(new BigDecimal("12.5")),
        Arguments.of(true));
  }

  @ParameterizedTest
  @MethodSource("notWholeNumbers")
  void shouldRefuseWhatIsNotAWholeNumber(Object raw) {
    FieldReader fields = reader("cost", raw);

    assertThat(fields.requiredWholeNumber("cost", "Chi phí", 0, MAX_COST)).isNull();
    assertThat(fields.errors()).containsExactly("Chi phí phải là số nguyên.");
    assertThat(fields.values()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1_000_000_001L})
  void shouldRefuseAWholeNumberOutOfRange(long raw) {
    FieldReader fields = reader("cost", raw);

    assertThat(fields.requiredWholeNumber("cost", "Chi phí", 1, MAX_COST)).isNull();
    assertThat(fields.errors()).containsExactly("Chi phí phải từ 1 đến 1.000.000.000.");
    assertThat(fields.values()).isEmpty();
  }

  @Test
  void shouldAcceptTheBoundsOfTheRange() {
    FieldReader fields = FieldReader.of(Map.of("low", 1, "high", MAX_COST));

    assertThat(fields.requiredWholeNumber("low", "Thấp", 1, MAX_COST)).isEqualTo(1L);
    assertThat(fields.requiredWholeNumber("high", "Cao", 1, MAX_COST)).isEqualTo(MAX_COST);
    assertThat(fields.errors()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void shouldRefuseAMissingWholeNumber(String empty) {
    FieldReader fields = reader("cost", empty);

    assertThat(fields.requiredWholeNumber("cost", "chi phí", 0, MAX_COST)).isNull();
    assertThat(fields.errors()).containsExactly("Chưa nhập chi phí.");
  }

  // --- booleans

  static Stream<Arguments> booleans() {
    return Stream.of(Arguments.of(true, true), Arguments.of(false, false), Arguments.of("true", true),
        Arguments.of("false", false));
  }

  @ParameterizedTest
  @MethodSource("booleans")
  void shouldReadABoolean(Object raw, boolean expected) {
    FieldReader fields = reader("consent", raw);

    assertThat(fields.requiredBoolean("consent", "sự đồng ý")).isEqualTo(expected);
    assertThat(fields.errors()).isEmpty();
    assertThat(fields.values()).containsExactly(Map.entry("consent", expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "TRUE", "1", ""})
  void shouldRefuseWhatIsNotABoolean(String raw) {
    FieldReader fields = reader("consent", raw);

    assertThat(fields.requiredBoolean("consent", "sự đồng ý")).isNull();
    assertThat(fields.errors()).containsExactly("Chưa chọn sự đồng ý.");
    assertThat(fields.values()).isEmpty();
  }

  @Test
  void shouldRefuseAMissingBoolean() {
    FieldReader fields = FieldReader.of(Map.of());

    assertThat(fields.requiredBoolean("consent", "sự đồng ý")).isNull();
    assertThat(fields.errors()).containsExactly("Chưa chọn sự đồng ý.");
  }

  // --- dates

  @ParameterizedTest
  @ValueSource(strings = {"2019-03-12", "12/03/2019", " 12/03/2019 ", "2019-03-12T00:00:00"})
  void shouldReadADateInTheFormsItArrivesIn(String raw) {
    FieldReader fields = reader("dateOfBirth", raw);

    assertThat(fields.requiredDate("dateOfBirth", "ngày sinh")).isEqualTo(LocalDate.of(2019, 3, 12));
    assertThat(fields.errors()).isEmpty();
    assertThat(fields.values()).containsExactly(Map.entry("dateOfBirth", "2019-03-12"));
  }

  @Test
  void shouldReadALocalDate() {
    FieldReader fields = reader("dateOfBirth", LocalDate.of(2019, 3, 12));

    assertThat(fields.requiredDate("dateOfBirth", "ngày sinh")).isEqualTo(LocalDate.of(2019, 3, 12));
  }

  /**
   * An engine Date variable (Camunda REST, type Date) is an instant: its day is the day in Vietnam,
   * not in whatever zone the server's JVM runs (UTC in most containers).
   */
  @Test
  void shouldReadADateVariableAsItsDayInVietnamWhateverTheServerZone() {
    TimeZone serverZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    try {
      // given: midnight of 12 March 2019 in Vietnam, 17:00 on 11 March in UTC
      Date midnightInVietnam =
          Date.from(LocalDate.of(2019, 3, 12).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
      FieldReader fields = reader("dateOfBirth", midnightInVietnam);

      // when / then
      assertThat(fields.requiredDate("dateOfBirth", "ngày sinh")).isEqualTo(LocalDate.of(2019, 3, 12));
    } finally {
      TimeZone.setDefault(serverZone);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-13-01", "2019-02-30", "12-03-2019", "ngày 12", "32/01/2019"})
  void shouldRefuseWhatIsNotADate(String raw) {
    FieldReader fields = reader("dateOfBirth", raw);

    assertThat(fields.requiredDate("dateOfBirth", "Ngày sinh")).isNull();
    assertThat(fields.errors()).containsExactly("Ngày sinh không đúng dạng ngày (dd/MM/yyyy).");
    assertThat(fields.values()).isEmpty();
  }

  /** A typo in a date of birth must be refused, not turned silently into another day. */
  @ParameterizedTest
  @ValueSource(strings = {"31/02/2019", "30/02/2019", "31/04/2019"})
  void shouldRefuseADayThatTheMonthDoesNotHave(String raw) {
    FieldReader fields = reader("dateOfBirth", raw);

    assertThat(fields.requiredDate("dateOfBirth", "Ngày sinh")).isNull();
    assertThat(fields.errors()).containsExactly("Ngày sinh không đúng dạng ngày (dd/MM/yyyy).");
  }

  @Test
  void shouldRefuseAMissingRequiredDate() {
    FieldReader fields = FieldReader.of(Map.of());

    assertThat(fields.requiredDate("dateOfBirth", "ngày sinh")).isNull();
    assertThat(fields.errors()).containsExactly("Chưa nhập ngày sinh.");
  }

  /** A JSON body or a REST task completion may send "" for an empty date: as missing as an absent one. */
  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void shouldRefuseAnEmptyRequiredDate(String empty) {
    FieldReader fields = reader("dateOfBirth", empty);

    assertThat(fields.requiredDate("dateOfBirth", "ngày sinh")).isNull();
    assertThat(fields.errors()).containsExactly("Chưa nhập ngày sinh.");
  }

  @Test
  void shouldReadAnEmptyOptionalDateAsMissing() {
    FieldReader fields = reader("visitDate", "");

    assertThat(fields.optionalDate("visitDate", "ngày thăm")).isNull();
    assertThat(fields.errors()).isEmpty();
  }

  // --- the whole submission

  @Test
  void shouldKeepWhatWasReadUnderTheFieldNamesWithoutThePrefix() {
    // given
    Map<String, Object> form = Map.<String, Object>of("record_amount", "45000000", "record_note", "Đã chuyển khoản",
        "record_paid", true, "amount", 1);
    FieldReader fields = FieldReader.of(form::get, "record_");

    // when
    fields.requiredWholeNumber("amount", "số tiền", 0, MAX_COST);
    fields.optionalText("note", "ghi chú", 500);
    fields.requiredBoolean("paid", "đã chi trả");

    // then
    assertThat(fields.values()).containsExactly(Map.entry("amount", 45_000_000L),
        Map.entry("note", "Đã chuyển khoản"), Map.entry("paid", true));
  }

  @Test
  void shouldHandOutACopyOfTheValues() {
    FieldReader fields = reader("note", "ghi chú");
    fields.optionalText("note", "ghi chú", 500);

    fields.values().clear();

    assertThat(fields.values()).containsKey("note");
  }

  @Test
  void shouldThrowEveryErrorAtOnce() {
    // given
    FieldReader fields = FieldReader.of(Map.of("amount", "12a"));
    fields.requiredText("name", "họ tên", 200);
    fields.requiredWholeNumber("amount", "Số tiền", 0, MAX_COST);
    fields.check(false, "Ngày chi trả không được trước ngày phê duyệt.");

    // when / then
    assertThat(fields.isValid()).isFalse();
    assertThatThrownBy(fields::throwIfInvalid)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Chưa nhập họ tên. Số tiền phải là số nguyên. Ngày chi trả không được trước ngày phê duyệt.");
  }

  @Test
  void shouldNotThrowWhenEverythingIsValid() {
    FieldReader fields = reader("name", "Mai");
    fields.requiredText("name", "họ tên", 200);
    fields.check(true, "never shown");

    assertThat(fields.isValid()).isTrue();
    assertThatCode(fields::throwIfInvalid).doesNotThrowAnyException();
  }
}
