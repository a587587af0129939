package vn.nangbuoc.casepage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;
import vn.nangbuoc.casefile.CaseTrail;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.ClosureOutcome;

/**
 * The list's filters that identify no child, as the URL carries them (a search an auditor can bookmark, send or
 * come back to), and what they ask of the case's trail. What was typed stays as typed, to show it again with
 * its error.
 */
public final class ListFilters {

  /** Every filter the URL may carry, in the order it writes them. */
  static final List<String> PARAMS = List.of("xa", "trang-thai", "dang-tat", "buoc", "da-qua", "nguoi-duyet",
      "tien-tu", "tien-den", "theo-ngay", "tu-ngay", "den-ngay", "ket-qua", "sap-xep");

  /** The dates a search bounds, by the words of the URL. */
  static final Map<String, CaseTrail.DateKind> DATE_KINDS = new LinkedHashMap<>();

  static {
    DATE_KINDS.put("lap-danh-sach", CaseTrail.DateKind.LISTED);
    DATE_KINDS.put("phe-duyet", CaseTrail.DateKind.FUNDING_DECIDED);
    DATE_KINDS.put("dong-ho-so", CaseTrail.DateKind.CLOSED);
  }

  private static final Pattern SEPARATORS = Pattern.compile("[.,\\s]");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,15}");

  private final Map<String, String> values;
  private final CaseTrail trail;
  private final List<String> errors;

  private ListFilters(Map<String, String> values, CaseTrail trail, List<String> errors) {
    this.values = values;
    this.trail = trail;
    this.errors = errors;
  }

  static ListFilters read(Map<String, String> request) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String param : PARAMS) {
      String value = request.get(param);
      if (value != null && !value.isBlank()) {
        values.put(param, value.strip());
      }
    }
    // what changes nothing stays out of the URL: the usual order, a kind of date without dates
    values.remove("sap-xep", "moi-nhat");
    if (!values.containsKey("tu-ngay") && !values.containsKey("den-ngay")) {
      values.remove("theo-ngay");
    }
    FieldReader fields = FieldReader.of(values);
    String approver = fields.optionalText("nguoi-duyet", "người phê duyệt", 64);
    Long amountFrom = amount(values.get("tien-tu"), "Số tiền phê duyệt “từ”", fields);
    Long amountTo = amount(values.get("tien-den"), "Số tiền phê duyệt “đến”", fields);
    fields.check(amountFrom == null || amountTo == null || amountFrom <= amountTo,
        "Số tiền phê duyệt “từ” lớn hơn số tiền “đến”.");
    String kind = values.get("theo-ngay");
    fields.check(kind == null || DATE_KINDS.containsKey(kind), "Loại ngày để lọc không nằm trong danh sách được chọn.");
    LocalDate from = fields.optionalDate("tu-ngay", "từ ngày");
    LocalDate to = fields.optionalDate("den-ngay", "đến ngày");
    fields.check(from == null || to == null || !from.isAfter(to), "“Từ ngày” sau “đến ngày”.");
    ClosureOutcome outcome = fields.optionalChoice("ket-qua", "kết quả đóng hồ sơ", ClosureOutcome.class);
    CaseTrail trail = new CaseTrail(values.containsKey("da-qua"), approver, amountFrom, amountTo,
        kind == null ? null : DATE_KINDS.get(kind), from, to, outcome == null ? null : outcome.name());
    return new ListFilters(values, fields.isValid() ? trail : CaseTrail.NONE, fields.errors());
  }

  /** Whole đồng as people write them ("5.000.000"); null when left empty. */
  private static Long amount(String typed, String label, FieldReader fields) {
    if (typed == null) {
      return null;
    }
    String digits = SEPARATORS.matcher(typed).replaceAll("");
    boolean whole = WHOLE_NUMBER.matcher(digits).matches();
    fields.check(whole, label + " phải là một số đồng, ví dụ 5.000.000.");
    return whole ? Long.parseLong(digits) : null;
  }

  CaseTrail trail() {
    return trail;
  }

  List<String> errors() {
    return errors;
  }

  /** What was typed for a filter, for the form; empty when nothing was. */
  public String value(String param) {
    return values.getOrDefault(param, "");
  }

  /** The filters given, for the pager that repeats a search by POST. */
  public Map<String, String> given() {
    return Map.copyOf(values);
  }

  /** The list with these filters, at a page counted from 1 (the first page has no number). */
  public String url(int page) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/ho-so");
    values.forEach((param, value) -> url.queryParam(param, value));
    if (page > 1) {
      url.queryParam("trang", page);
    }
    return url.encode().build().toUriString();
  }
}
