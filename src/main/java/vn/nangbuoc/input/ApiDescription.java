package vn.nangbuoc.input;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an integrator reads first at /api/openapi: what the API is, in Vietnamese, and how to sign in
 * (HTTP Basic with the product's own users; every answer is limited to what that user may see).
 */
@Configuration
class ApiDescription {

  @Bean
  OpenAPI nangBuocApi() {
    return new OpenAPI()
        .info(new Info().title("Nâng Bước – API của ứng dụng")
            .description("Hồ sơ trẻ em khuyết tật, quỹ bảo trợ trẻ em, chỉ số báo cáo theo kế hoạch"
                + " (/api/reports/indicators, bảng tính /api/reports/indicators.xlsx), sắp xếp tổ chức và chuyển"
                + " hồ sơ đang chạy sang mô hình mới; kỳ báo cáo định kỳ và báo cáo của từng đơn vị"
                + " (/api/report-periods, /api/unit-reports)."
                + " Đăng nhập HTTP Basic bằng tài khoản của hệ thống; mỗi câu trả lời chỉ gồm"
                + " những gì tài khoản đó được xem. Lỗi trả về dạng {status, message, errors} bằng tiếng Việt."
                + " API của bộ máy quy trình (Camunda) ở /engine-rest.")
            .version("1"))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
