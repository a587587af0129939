package vn.nangbuoc.organisation;

/** The organisation data has no agency serving the duty a task needs for a commune: an administrator must add it. */
public class AgencyNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  AgencyNotFoundException(String duty, String role, String communeCode) {
    super("Chưa có cơ quan nào làm nhiệm vụ \"" + duty + "\" (vai trò " + role + ") cho đơn vị " + communeCode
        + ". Quản trị viên cần bổ sung dữ liệu tổ chức.");
  }
}
