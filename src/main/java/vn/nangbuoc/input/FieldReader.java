package vn.nangbuoc.input;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads typed values out of submitted fields (a task form, a JSON body) and collects every problem
 * as a Vietnamese sentence, so the user sees all of them at once.
 *
 * <p>Read every field, then call {@link #throwIfInvalid()}: nothing may be written before that.
 */
public final class FieldReader {

  // STRICT: 31/02/2020 is an error, not the 29th of February.
  private static final DateTimeFormatter VIETNAMESE_DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /**
   * Markup in any text: an HTML tag, comment or autolink ({@code <a}, {@code </}, {@code <!},
   * {@code <http}), a Markdown link, image or reference ({@code ](}, {@code ][}), a script URL.
   * "thị lực < 3/10" is text, and stays allowed.
   */
  private static final Pattern MARKUP = Pattern.compile("<\\s*[\\p{L}/!?]|\\]\\s*[(\\[]|(?i:javascript\\s*:)");

  /** Names, places and short phrases need no brackets and hold no web address. */
  private static final Pattern NOT_IN_NAMES = Pattern.compile("[<>\\[\\]]|://|(?i:www\\.)");

  /** Up to this length a text is a name or a short phrase (hospital, provider, voucher number). */
  static final int NAME_LENGTH = 300;

  private final Function<String, Object> source;
  private final String prefix;
  private final List<String> errors = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  private FieldReader(Function<String, Object> source, String prefix) {
    this.source = source;
    this.prefix = prefix;
  }

  /** @param prefix added in front of every field name when looking it up (for example "record_") */
  public static FieldReader of(Function<String, Object> source, String prefix) {
    return new FieldReader(source, prefix);
  }

  public static FieldReader of(Map<String, ?> fields) {
    return new FieldReader(fields::get, "");
  }

  public String requiredText(String name, String label, int maxLength) {
    int errorsBefore = errors.size();
    String value = optionalText(name, label, maxLength);
    if (value == null && errors.size() == errorsBefore) {
      errors.add("Chưa nhập " + label + ".");
    }
    return value;
  }

  public String optionalText(String name, String label, int maxLength) {
    Object raw = source.apply(prefix + name);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String text)) {
      errors.add(sentence(label, "phải là văn bản."));
      return null;
    }
    if (text.length() > 2 * maxLength + 100) {
      // far too long whatever its spaces and diacritics: not worth normalising
      errors.add(sentence(label, "dài quá " + maxLength + " ký tự."));
      return null;
    }
    // NFC: the same name typed with composed or combining diacritics is the same name.
    String value = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > maxLength) {
      errors.add(sentence(label, "dài quá " + maxLength + " ký tự."));
      return null;
    }
    if (MARKUP.matcher(value).find()) {
      errors.add(sentence(label,
          "không được chứa thẻ HTML hay liên kết kiểu [chữ](địa chỉ): hãy ghi bằng chữ thường."));
      return null;
    }
    if (maxLength <= NAME_LENGTH && NOT_IN_NAMES.matcher(value).find()) {
      errors.add(sentence(label, "không được chứa các dấu <, >, [, ] hay địa chỉ trang web."));
      return null;
    }
    values.put(name, value);
    return value;
  }

  public String optionalPattern(String name, String label, Pattern pattern, String rule) {
    String value = optionalText(name, label, 100);
    if (value != null && !pattern.matcher(value).matches()) {
      errors.add(sentence(label, "không hợp lệ: " + rule + "."));
      values.remove(name);
      return null;
    }
    return value;
  }

  public <E extends Enum<E>> E requiredChoice(String name, String label, Class<E> type) {
    return choice(name, label, type, requiredText(name, label, 60));
  }

  public <E extends Enum<E>> E optionalChoice(String name, String label, Class<E> type) {
    return choice(name, label, type, optionalText(name, label, 60));
  }

  /** The enum constant a submitted code names; a code outside the list is an error, not a null. */
  private <E extends Enum<E>> E choice(String name, String label, Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(sentence(label, "không nằm trong danh sách được chọn."));
      values.remove(name);
      return null;
    }
  }

  /** Accepts the ISO form the forms send (2026-11-23), the Vietnamese form (23/11/2026) and dates. */
  public LocalDate requiredDate(String name, String label) {
    Object raw = source.apply(prefix + name);
    LocalDate value = optionalDate(name, label);
    if (raw == null || (raw instanceof String text && text.isBlank())) {
      errors.add("Chưa nhập " + label + ".");
    }
    return value;
  }

  public LocalDate optionalDate(String name, String label) {
    Object raw = source.apply(prefix + name);
    LocalDate value = null;
    if (raw instanceof Date date) {
      value = date.toInstant().atZone(VietnameseFormat.ZONE).toLocalDate();
    } else if (raw instanceof LocalDate date) {
      value = date;
    } else if (raw instanceof String text && !text.isBlank()) {
      value = parseDate(text.strip());
      if (value == null) {
        errors.add(sentence(label, "không đúng dạng ngày (dd/MM/yyyy)."));
      }
    } else if (raw != null && !(raw instanceof String)) {
      errors.add(sentence(label, "không đúng dạng ngày (dd/MM/yyyy)."));
    }
    if (value != null) {
      values.put(name, value.toString());
    }
    return value;
  }

  private static LocalDate parseDate(String text) {
    try {
      return text.contains("/")
          ? LocalDate.parse(text, VIETNAMESE_DATE)
          : LocalDate.parse(text.substring(0, Math.min(10, text.length())));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Whole numbers only (amounts in đồng); strings of digits are accepted for REST callers. */
  public Long requiredWholeNumber(String name, String label, long min, long max) {
    Object raw = source.apply(prefix + name);
    Long value = null;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      value = ((Number) raw).longValue();
    } else if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      value = number.longValue();
    } else if (raw instanceof String text && text.strip().matches("\\d{1,18}")) {
      value = Long.parseLong(text.strip());
    } else if (raw == null || (raw instanceof String text && text.isBlank())) {
      errors.add("Chưa nhập " + label + ".");
      return null;
    } else {
      errors.add(sentence(label, "phải là số nguyên."));
      return null;
    }
    if (value < min || value > max) {
      errors.add(sentence(label, "phải từ " + number(min) + " đến " + number(max) + "."));
      return null;
    }
    values.put(name, value);
    return value;
  }

  /** As {@link #requiredWholeNumber}, but a field left out or blank reads as null. */
  public Long optionalWholeNumber(String name, String label, long min, long max) {
    Object raw = source.apply(prefix + name);
    if (raw == null || (raw instanceof String text && text.isBlank())) {
      return null;
    }
    return requiredWholeNumber(name, label, min, max);
  }

  public Boolean requiredBoolean(String name, String label) {
    Object raw = source.apply(prefix + name);
    Boolean value = null;
    if (raw instanceof Boolean b) {
      value = b;
    } else if ("true".equals(raw) || "false".equals(raw)) {
      value = Boolean.valueOf((String) raw);
    }
    if (value == null) {
      errors.add("Chưa chọn " + label + ".");
      return null;
    }
    values.put(name, value);
    return value;
  }

  /** A rule across fields; the message is shown as it is. */
  public void check(boolean condition, String message) {
    if (!condition) {
      errors.add(message);
    }
  }

  /** Labels are written to follow "Chưa nhập …"; at the start of a sentence they need a capital. */
  private static String sentence(String label, String rest) {
    return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " " + rest;
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value).replace(',', '.');
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public List<String> errors() {
    return List.copyOf(errors);
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(String.join(" ", errors));
    }
  }

  /** The values read so far, by field name without prefix: what a step records. */
  public Map<String, Object> values() {
    return new LinkedHashMap<>(values);
  }
}
