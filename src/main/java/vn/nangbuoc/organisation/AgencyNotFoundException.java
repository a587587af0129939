package vn.nangbuoc.organisation;

/** The organisation data has no agency of the kind a task needs for a commune: an administrator must add it. */
public class AgencyNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  AgencyNotFoundException(String kind, String role, String communeCode) {
    super("Chưa khai báo cơ quan loại " + kind + " (vai trò " + role + ") phụ trách đơn vị " + communeCode
        + ". Quản trị viên cần bổ sung dữ liệu tổ chức.");
  }
}
