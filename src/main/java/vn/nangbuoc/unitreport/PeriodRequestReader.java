package vn.nangbuoc.unitreport;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.UnitLevel;
import vn.nangbuoc.system.EngineTime;

/**
 * Reads a declared period and collects every problem by field, so that the page shows each beside its field and
 * the API says all of them at once. An ad-hoc period carries what the office asks: its own dates and deadline,
 * which is not in the past.
 */
@Component
class PeriodRequestReader {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,11}");

  private final OrganisationDirectory organisation;
  private final UnitIndicators indicators;

  PeriodRequestReader(OrganisationDirectory organisation, UnitIndicators indicators) {
    this.organisation = organisation;
    this.indicators = indicators;
  }

  ReportPeriod read(ReportPeriods.PeriodRequest r, String userId) {
    Map<String, String> errors = new LinkedHashMap<>();
    String code = r.code() == null ? "" : r.code().strip().toUpperCase();
    if (!CODE.matcher(code).matches()) {
      errors.put("code", "Mã kỳ báo cáo gồm 2–12 chữ in hoa, chữ số hoặc dấu gạch ngang, ví dụ 2026 hoặc"
          + " DOTXUAT-01.");
    }
    String name = r.name() == null ? "" : r.name().strip();
    if (name.isEmpty() || name.length() > 300 || name.matches(".*[<>\\[\\]].*")) {
      errors.put("name", "Hãy ghi tên kỳ báo cáo (tối đa 300 ký tự, không có ký tự < > [ ]).");
    }
    ReportPeriod.Kind kind = ReportPeriod.Kind.ANNUAL;
    try {
      kind = r.kind() == null || r.kind().isBlank() ? kind : ReportPeriod.Kind.valueOf(r.kind().strip());
    } catch (IllegalArgumentException e) {
      errors.put("kind", "Loại kỳ báo cáo là ANNUAL (hằng năm) hoặc AD_HOC (đột xuất).");
    }
    boolean adHoc = kind == ReportPeriod.Kind.AD_HOC;
    LocalDate today = EngineTime.today();
    int year = r.planYear() != null ? r.planYear() : today.getYear();
    if (year < 2000 || year > 2100) {
      errors.put("planYear", "Năm kế hoạch phải từ 2000 đến 2100.");
      year = today.getYear();
    }
    require(adHoc && r.from() == null, errors, "from", "Kỳ báo cáo đột xuất cần ngày bắt đầu của kỳ.");
    require(adHoc && r.to() == null, errors, "to", "Kỳ báo cáo đột xuất cần ngày kết thúc của kỳ.");
    LocalDate from = r.from() != null ? r.from() : LocalDate.of(year, 1, 1);
    LocalDate to = r.to() != null ? r.to() : LocalDate.of(year, 12, 31);
    require(to.isBefore(from) && !errors.containsKey("to"), errors, "to",
        "Ngày kết thúc kỳ báo cáo phải từ ngày bắt đầu trở đi.");
    Optional<AdministrativeUnit> root = organisation.unit(r.unit() == null ? null : r.unit().strip().toUpperCase());
    if (root.isEmpty()) {
      errors.put("unit", "Hãy chọn đơn vị tổng hợp báo cáo (mã đơn vị, ví dụ LANGSON) có trong danh mục.");
    } else if (root.get().level() == UnitLevel.COMMUNE) {
      errors.put("unit", "Đơn vị tổng hợp báo cáo phải là tỉnh hoặc huyện/thành phố.");
    }
    List<String> carried = r.indicators() == null ? List.of()
        : r.indicators().stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    try {
      indicators.requireKnown(carried);
    } catch (InvalidInputException e) {
      errors.put("indicators", e.getMessage());
    }
    require(adHoc && r.communeDeadline() == null, errors, "communeDeadline",
        "Kỳ báo cáo đột xuất cần hạn gửi của cơ quan yêu cầu.");
    LocalDate communeDeadline = r.communeDeadline() != null ? r.communeDeadline()
        : ReportPeriods.COMMUNE_DEADLINE.atYear(year);
    require(adHoc && communeDeadline.isBefore(today) && !errors.containsKey("communeDeadline"), errors,
        "communeDeadline", "Hạn gửi đã qua: hãy chọn hạn gửi từ hôm nay trở đi.");
    LocalDate districtDeadline = r.districtDeadline() != null ? r.districtDeadline()
        : adHoc ? communeDeadline : communeDeadline.plusDays(ReportPeriods.DISTRICT_DAYS_LATER);
    LocalDate provinceDeadline = r.provinceDeadline() != null ? r.provinceDeadline()
        : adHoc ? districtDeadline : communeDeadline.plusDays(ReportPeriods.PROVINCE_DAYS_LATER);
    require(districtDeadline.isBefore(communeDeadline) || provinceDeadline.isBefore(districtDeadline), errors,
        "provinceDeadline", "Hạn gửi của cấp trên không được trước hạn gửi của cấp dưới.");
    LocalDate opens = r.preparationOpens() != null ? r.preparationOpens()
        : communeDeadline.minusMonths(ReportPeriods.PREPARATION_MONTHS);
    require(opens.isAfter(communeDeadline), errors, "preparationOpens",
        "Ngày bắt đầu chuẩn bị phải trước hạn gửi của xã/phường.");
    if (!errors.isEmpty()) {
      throw new InvalidPeriodException(errors);
    }
    return new ReportPeriod(code, name, kind, year, from, to, root.get().code(), carried, opens, communeDeadline,
        districtDeadline, provinceDeadline, userId, EngineTime.now(), null, null);
  }

  private static void require(boolean wrong, Map<String, String> errors, String field, String message) {
    if (wrong) {
      errors.putIfAbsent(field, message);
    }
  }
}
