package vn.nangbuoc.listing;

import java.util.List;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.InvalidInputException;

/**
 * A listing refused before anything is written: the child probably has a case file already. The lister
 * opens that case, or confirms a different child and lists again. Only case numbers of the lister's own
 * area are named, and nothing of the child's data: the lister typed it.
 */
class LikelyDuplicateException extends InvalidInputException {

  private final transient List<CaseFile> alike;

  LikelyDuplicateException(List<CaseFile> alike) {
    super("Có thể trẻ đã có hồ sơ " + CaseFileService.caseNumbers(alike, 5)
        + " (cùng họ tên không kể dấu, ngày sinh và xã/phường). Chưa lập hồ sơ nào. Nếu là cùng một trẻ, hãy mở"
        + " hồ sơ đã có; nếu là trẻ khác, chọn \"Vẫn lập hồ sơ mới\" rồi gửi lại.");
    this.alike = List.copyOf(alike);
  }

  List<CaseFile> alike() {
    return alike;
  }
}
