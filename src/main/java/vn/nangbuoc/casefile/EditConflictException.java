package vn.nangbuoc.casefile;

import vn.nangbuoc.input.InvalidInputException;

/** Someone else saved the case file since the editor read it: the edit would overwrite their work. */
public class EditConflictException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  EditConflictException() {
    super("Hồ sơ vừa được người khác sửa trong lúc bạn sửa. Thay đổi của bạn chưa được lưu: hãy xem lại"
        + " thông tin mới nhất rồi nhập lại.");
  }
}
