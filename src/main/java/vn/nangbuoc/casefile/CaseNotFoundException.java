package vn.nangbuoc.casefile;

import vn.nangbuoc.input.NotFoundException;

public class CaseNotFoundException extends NotFoundException {

  private static final long serialVersionUID = 1L;

  CaseNotFoundException(long id) {
    super("Không tìm thấy hồ sơ số " + id + ".");
  }
}
