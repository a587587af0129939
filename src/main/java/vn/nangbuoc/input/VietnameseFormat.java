package vn.nangbuoc.input;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How dates and amounts are written for Vietnamese readers: 23/11/2026, 30.000.000 đồng. */
public final class VietnameseFormat {

  /** The one time zone of the product: Vietnam has one, and no office runs elsewhere. */
  public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private VietnameseFormat() {
  }

  public static String date(LocalDate day) {
    return day == null ? "" : day.format(DATE);
  }

  public static String money(long amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols();
    symbols.setGroupingSeparator('.');
    return new DecimalFormat("#,##0", symbols).format(amount) + " đồng";
  }
}
