package vn.nangbuoc.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Formatting for the pages' templates, as {@code ${@vn.money(amount)}}: Vietnamese numbers, dates, words. */
@Component("vn")
public class PageFormat {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("BUDGET", "Ngân sách"), Map.entry("DONATION", "Ủng hộ"),
      Map.entry("PENDING", "Chờ phê duyệt"), Map.entry("WAITING", "Chờ kinh phí"),
      Map.entry("APPROVED", "Đã phê duyệt"), Map.entry("REJECTED", "Từ chối"), Map.entry("RETURNED", "Trả lại"),
      Map.entry("CANCELLED", "Đã hủy"),
      Map.entry("SETTLED", "Đã quyết toán"), Map.entry("HOSPITAL", "Bệnh viện"), Map.entry("FAMILY", "Gia đình"));

  public String money(long amount) {
    return VietnameseFormat.money(amount);
  }

  public String signed(long amount) {
    return amount == 0 ? "" : (amount > 0 ? "+" : "−") + VietnameseFormat.money(Math.abs(amount));
  }

  public String date(LocalDate day) {
    return VietnameseFormat.date(day);
  }

  public String dateTime(Instant instant) {
    return instant == null ? "" : LocalDateTime.ofInstant(instant, VietnameseFormat.ZONE).format(DATE_TIME);
  }

  public String word(Object code) {
    return code == null ? "" : WORDS.getOrDefault(code.toString(), code.toString());
  }
}
