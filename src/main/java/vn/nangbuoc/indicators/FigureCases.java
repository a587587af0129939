package vn.nangbuoc.indicators;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * The case files behind one number of the report: the children an indicator's numerator or denominator counts, in
 * total or in one row of a breakdown, for the same unit and period, by the same statement as the number itself
 * ({@link FactCounts#cases}). Each child listed is a read of their case, in the access log.
 */
@Service
class FigureCases {

  static final String PATH = "/bao-cao/ho-so";
  static final int PAGE_SIZE = 50;

  /** Which number: of which indicator, numerator or denominator, and in which row of which breakdown. */
  enum Part {
    NUMERATOR("numerator", "Tử số"),
    DENOMINATOR("denominator", "Mẫu số");

    private final String word;
    private final String label;

    Part(String word, String label) {
      this.word = word;
      this.label = label;
    }

    String word() {
      return word;
    }

    /** Public for the page's template. */
    public String label() {
      return label;
    }
  }

  /**
   * A page of the list.
   *
   * @param cut the breakdown's title and row label, null for the whole figure
   * @param by the breakdown's word, null for the whole figure; key its row's key, null when not recorded
   * @param counted how many case files the number counts; readable how many of them the list names
   */
  record Listing(Indicator indicator, Part part, String by, String key, String cut, String dateLabel, List<Row> rows,
      long counted, long readable, int page, int pages) {
  }

  record Row(long caseId, String caseNumber, String fullName, String commune, LocalDate countedOn) {
  }

  private final IndicatorCatalogue catalogue;
  private final FactCounts counts;
  private final ReportLabels labels;
  private final OrganisationDirectory organisation;
  private final CaseAccessLog accessLog;

  FigureCases(IndicatorCatalogue catalogue, FactCounts counts, ReportLabels labels, OrganisationDirectory organisation,
      CaseAccessLog accessLog) {
    this.catalogue = catalogue;
    this.counts = counts;
    this.labels = labels;
    this.organisation = organisation;
    this.accessLog = accessLog;
  }

  /**
   * The query whose case files a number lists: a numerator or denominator that counts children (or, for a median,
   * the children it is taken of). Sums of đồng, tasks and entered populations list nothing.
   */
  static Optional<FactQuery> listable(Indicator indicator, Part part) {
    FactQuery query = part == Part.NUMERATOR ? indicator.numerator() : indicator.denominator();
    if (query == null) {
      return Optional.empty();
    }
    boolean children = query.measure() == Measure.CHILDREN || query.measure() == Measure.MEDIAN_DAYS;
    return children ? Optional.of(query) : Optional.empty();
  }

  /**
   * The address of the list behind a number of the report whose own parameters are {@code reportQuery} (unit and
   * period), if the number counts case files.
   */
  Optional<String> link(String reportQuery, String indicatorId, Part part, String by, String key) {
    return catalogue.byId(indicatorId).flatMap(indicator -> listable(indicator, part)).map(query -> PATH + "?"
        + reportQuery + "&indicator=" + indicatorId + "&part=" + part.word()
        + (by == null ? "" : "&by=" + by + "&key=" + (key == null ? "" : URLEncoder.encode(key,
            StandardCharsets.UTF_8))));
  }

  /**
   * @param by a breakdown's word, null for the whole figure; {@code key} its row, blank for "not recorded"
   * @param page from 1
   */
  Listing list(ReportScope.Area area, ReportPeriod period, String indicatorId, String partWord, String by,
      String key, String pageText, String userId, String remoteAddress) {
    Indicator indicator = catalogue.byId(indicatorId == null ? "" : indicatorId.strip())
        .orElseThrow(() -> new InvalidInputException("Không có chỉ tiêu mã \"" + indicatorId + "\" trong danh mục."));
    Part part = part(partWord);
    FactQuery query = listable(indicator, part).orElseThrow(() -> new InvalidInputException(part.label()
        + " của chỉ tiêu \"" + indicator.name() + "\" không đếm hồ sơ trẻ em: không có danh sách hồ sơ."));
    FactCounts.Cut cut = cut(indicator, by, key);
    int page = page(pageText);
    FactCounts.Listed listed = counts.cases(query, cut, new FactCounts.Scope(area.communes(), period),
        organisation.communesOf(userId), page - 1, PAGE_SIZE);
    accessLog.recordAll(listed.rows().stream().map(FactCounts.CountedCase::caseId).toList(), userId,
        CaseAccessLog.Channel.REPORT, remoteAddress);
    List<Row> rows = listed.rows().stream().map(c -> new Row(c.caseId(), c.caseNumber(), c.fullName(),
        labels.of(Breakdown.COMMUNE, c.communeCode()), c.countedOn())).toList();
    int pages = (int) Math.max(1, (listed.readable() + PAGE_SIZE - 1) / PAGE_SIZE);
    return new Listing(indicator, part, cut == null ? null : cut.by().word(), cut == null ? null : cut.key(),
        cut == null ? null : cut.by().title() + ": " + labels.of(cut.by(), cut.key()), query.dated().label(), rows,
        listed.counted(), listed.readable(), page, pages);
  }

  private static int page(String text) {
    try {
      int page = text == null || text.isBlank() ? 1 : Integer.parseInt(text.strip());
      if (page >= 1) {
        return page;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new InvalidInputException("Số trang \"" + text + "\" không đúng: số trang là số nguyên từ 1.");
  }

  private static Part part(String word) {
    for (Part part : Part.values()) {
      if (part.word().equals(word)) {
        return part;
      }
    }
    throw new InvalidInputException("Tham số part phải là numerator (tử số) hoặc denominator (mẫu số).");
  }

  private static FactCounts.Cut cut(Indicator indicator, String by, String key) {
    if (by == null || by.isBlank()) {
      return null;
    }
    Breakdown breakdown = indicator.breakdowns().stream().filter(b -> b.word().equals(by.strip())).findFirst()
        .orElseThrow(() -> new InvalidInputException("Chỉ tiêu \"" + indicator.name()
            + "\" không chia theo \"" + by.strip() + "\"."));
    if (key != null && key.length() > 100) {
      throw new InvalidInputException("Giá trị tham số key quá dài.");
    }
    return new FactCounts.Cut(breakdown, key == null || key.isBlank() ? null : key);
  }
}
