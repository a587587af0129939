package vn.nangbuoc.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production profile with the demo users and their well-known password, or
 * without an administrator from the environment.
 */
@Component
class ProductionGuard {

  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

  ProductionGuard(Environment environment, @Value("${nangbuoc.demo.enabled:false}") boolean demoEnabled) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    if (demoEnabled) {
      throw new IllegalStateException(
          "Hồ sơ cấu hình prod không được bật dữ liệu mẫu (nangbuoc.demo.enabled=true): người dùng mẫu có mật khẩu công khai.");
    }
    String admin = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (admin.isBlank() || password.length() < MIN_ADMIN_PASSWORD_LENGTH || password.equals(DemoUsersLoader.DEMO_PASSWORD)) {
      throw new IllegalStateException("Hồ sơ cấu hình prod cần quản trị viên đầu tiên từ biến môi trường:"
          + " NANGBUOC_ADMIN_USER và NANGBUOC_ADMIN_PASSWORD (ít nhất " + MIN_ADMIN_PASSWORD_LENGTH + " ký tự).");
    }
  }
}
