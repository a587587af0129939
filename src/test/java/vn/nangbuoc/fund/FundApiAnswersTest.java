package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;

/**
 * The fund's API answers with the same JSON since its bodies and answers are records: the same
 * fields in the same order, and a body's wrong value refused field by field in Vietnamese.
 */
@NangBuocSpringTest
class FundApiAnswersTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  FundBooks books;

  @Test
  void shouldListTheFundsWithTheirBalancesInTheSameFields() {
    List<Map<String, Object>> funds = as("thanhtra").exchange("/api/funds", HttpMethod.GET, null, LIST).getBody();

    assertThat(funds).isNotEmpty().allSatisfy(fund -> assertThat(fund.keySet())
        .containsExactly("id", "name", "available", "reserved", "disbursed", "waiting"));
  }

  @Test
  void shouldTakeAReceiptWithAVietnameseDateAndIgnoreAnUnknownField() {
    String fund = books.fundServing("MAIPHA");
    String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

    ResponseEntity<Map<String, Object>> answer = as("cvtaichinh").exchange("/api/funds/" + fund + "/receipts",
        HttpMethod.POST, new HttpEntity<>(Map.of("kind", "BUDGET", "amount", "1000", "date", today,
            "note", "không phải trường của khoản thu")), OBJECT);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody()).containsOnlyKeys("balance", "servedRequests");
    assertThat(((Map<?, ?>) answer.getBody().get("balance")).keySet()).map(String::valueOf)
        .containsExactlyInAnyOrder("available", "reserved", "disbursed");
  }

  @Test
  void shouldRefuseEachWrongValueOfAReceiptByItsName() {
    String fund = books.fundServing("MAIPHA");

    ResponseEntity<Map<String, Object>> refused = as("cvtaichinh").exchange("/api/funds/" + fund + "/receipts",
        HttpMethod.POST, new HttpEntity<>(Map.of("kind", "QUA_TANG", "amount", 12.5, "date", "hôm nay")), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("message", "Loại khoản thu (BUDGET hoặc DONATION) không nằm trong"
        + " danh sách được chọn. Số tiền (đồng) phải là số nguyên. Ngày thu không đúng dạng ngày (dd/MM/yyyy).");
  }

  @Test
  void shouldRefuseACorrectionWithoutItsFields() {
    ResponseEntity<Map<String, Object>> refused = as("cvtaichinh").exchange("/api/funds/entries/1/corrections",
        HttpMethod.POST, new HttpEntity<>(Map.of("available", "nhiều")), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("message", "Điều chỉnh khả dụng phải là số nguyên. Chưa nhập điều"
        + " chỉnh đang giữ. Chưa nhập điều chỉnh đã chi. Chưa nhập lý do điều chỉnh.");
  }

  @Test
  void shouldAnswerABatchThatIsNoListWithHowToSendIt() {
    ResponseEntity<Map<String, Object>> refused = as("tpldtbxh").exchange("/api/funding/approvals", HttpMethod.POST,
        new HttpEntity<>(Map.of("decisions", "APPROVED")), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).startsWith("Gửi danh sách quyết định");
  }

  @Test
  void shouldAnswerEachItemOfABatchInItsOwnRowEvenWhenItIsNoObject() {
    List<Map<String, Object>> results = as("tpldtbxh").exchange("/api/funding/approvals", HttpMethod.POST,
        new HttpEntity<>(Map.of("decisions", List.of("APPROVED",
            Map.of("taskId", "khong-co", "decision", "APPROVED")))), LIST).getBody();

    assertThat(results).hasSize(2);
    assertThat(results.get(0)).containsEntry("taskId", null).containsEntry("ok", false);
    assertThat(results.get(0).keySet()).containsExactly("taskId", "ok", "message");
    assertThat((String) results.get(0).get("message")).contains("Chưa nhập mã công việc", "Chưa nhập quyết định");
    assertThat(results.get(1)).containsEntry("taskId", "khong-co").containsEntry("ok", false);
    assertThat((String) results.get(1).get("message")).isNotBlank();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
