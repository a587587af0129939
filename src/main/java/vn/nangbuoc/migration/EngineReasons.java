package vn.nangbuoc.migration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's validation failures (English, naming its own classes and ids) as sentences an administrator
 * reads. Known failures by how they begin; anything else by one sentence that says where to look, never the
 * engine's text.
 */
final class EngineReasons {

  private static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("There is no migration instruction for this instance's activity",
        "bước đang chờ không có bước tương ứng (cùng mã, cùng loại) trong phiên bản mới");
    KNOWN.put("There is no migration instruction for this instance",
        "bước đang chờ không có bước tương ứng (cùng mã, cùng loại) trong phiên bản mới");
    KNOWN.put("The type of the source activity is not supported",
        "loại bước này không chuyển được sang phiên bản khác");
    KNOWN.put("Activities have incompatible types", "bước cùng mã trong phiên bản mới là một loại bước khác");
    KNOWN.put("Events are not of the same type", "sự kiện cùng mã trong phiên bản mới là loại sự kiện khác");
    KNOWN.put("The source activity's event scope", "bước được chuyển vào một phạm vi sự kiện khác trong phiên bản mới");
    KNOWN.put("The closest mapped ancestor", "bước được chuyển vào một tiến trình con khác trong phiên bản mới");
    KNOWN.put("The variable '", "một biến của lộ trình trùng tên với biến của bước mới");
    KNOWN.put("Target activity is not async", "cách chạy nền (async) của bước khác nhau giữa hai phiên bản");
    KNOWN.put("Transition instance is assigned", "lộ trình đang dừng giữa hai bước, ở chỗ phiên bản mới không có");
    KNOWN.put("A transition instance that instantiates the process",
        "lộ trình chưa bắt đầu hẳn (đang chờ chạy nền ở bước đầu)");
    KNOWN.put("Cannot migrate subscription for compensation handler", "bước bù trừ không có trong phiên bản mới");
    KNOWN.put("Cannot update event trigger", "sự kiện của bước không cập nhật được theo phiên bản mới");
    KNOWN.put("The target gateway must have at least the same number",
        "cổng rẽ nhánh trong phiên bản mới có ít luồng vào hơn");
    KNOWN.put("Only one gateway can be mapped", "hai cổng rẽ nhánh cùng được chuyển vào một cổng");
    KNOWN.put("There are multiple mappings for source activity", "một bước được chuyển tới hai bước khác nhau");
  }

  static final String UNKNOWN = "hệ thống quy trình không cho chuyển bước này (xem bước trong Cockpit)";

  private EngineReasons() {
  }

  static String of(String failure) {
    if (failure != null) {
      for (Map.Entry<String, String> known : KNOWN.entrySet()) {
        if (failure.startsWith(known.getKey())) {
          return known.getValue();
        }
      }
    }
    return UNKNOWN;
  }
}
