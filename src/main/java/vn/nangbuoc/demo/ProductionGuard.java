package vn.nangbuoc.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Refuses to start a production profile with the demo users and their well-known password. */
@Component
class ProductionGuard {

  ProductionGuard(Environment environment, @Value("${nangbuoc.demo.enabled:false}") boolean demoEnabled) {
    if (environment.acceptsProfiles(Profiles.of("prod")) && demoEnabled) {
      throw new IllegalStateException(
          "Hồ sơ cấu hình prod không được bật dữ liệu mẫu (nangbuoc.demo.enabled=true): người dùng mẫu có mật khẩu công khai.");
    }
  }
}
