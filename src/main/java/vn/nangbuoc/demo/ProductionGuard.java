package vn.nangbuoc.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a production profile with the demo users and their well-known password, or
 * without a first administrator from the environment. Runs before anything starts (an environment
 * post-processor, see META-INF/spring.factories), so the refusal is this message and nothing else.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    check(environment);
  }

  static void check(Environment environment) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    if (environment.getProperty("nangbuoc.demo.enabled", Boolean.class, false)) {
      throw new IllegalStateException(
          "Hồ sơ cấu hình prod không được bật dữ liệu mẫu (nangbuoc.demo.enabled=true):"
              + " người dùng mẫu có mật khẩu công khai.");
    }
    String admin = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (admin.isBlank() || password.length() < MIN_ADMIN_PASSWORD_LENGTH
        || password.equals(DemoUsersLoader.DEMO_PASSWORD)) {
      throw new IllegalStateException("Hồ sơ cấu hình prod cần quản trị viên đầu tiên từ biến môi trường:"
          + " NANGBUOC_ADMIN_USER và NANGBUOC_ADMIN_PASSWORD (ít nhất " + MIN_ADMIN_PASSWORD_LENGTH + " ký tự).");
    }
  }
}
