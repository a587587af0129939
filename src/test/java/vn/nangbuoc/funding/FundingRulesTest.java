package vn.nangbuoc.funding;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.fund.RequestStatus;
import vn.nangbuoc.input.InvalidInputException;

/** Four eyes on funding decisions: the preparer decides nothing that spends or refuses, but may take it back. */
class FundingRulesTest {

  private static final FundingRequest PREPARED_BY_THE_HEAD = new FundingRequest(7, 3, "pi", "fund", 9_000_000,
      "Bệnh viện", "Phẫu thuật", "Lác", "tpldtbxh", Instant.EPOCH, RequestStatus.PENDING, null, null, null, null, null);

  @ParameterizedTest
  @EnumSource(value = FundingDecision.class, names = "RETURNED", mode = EnumSource.Mode.EXCLUDE)
  void shouldRefuseEveryDecisionButReturningByWhoeverPreparedTheRequest(FundingDecision decision) {
    assertThatThrownBy(() -> FundingRules.requireNotRequester(PREPARED_BY_THE_HEAD, "tpldtbxh", decision))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("không được tự phê duyệt")
        .hasMessageContaining("Trả lại");
  }

  @ParameterizedTest
  @EnumSource(FundingDecision.class)
  void shouldLetAnotherApproverTakeAnyDecision(FundingDecision decision) {
    assertThatCode(() -> FundingRules.requireNotRequester(PREPARED_BY_THE_HEAD, "pctubnd", decision))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(value = FundingDecision.class, names = "RETURNED")
  void shouldLetThePreparerTakeTheRequestBackForRevision(FundingDecision decision) {
    assertThatCode(() -> FundingRules.requireNotRequester(PREPARED_BY_THE_HEAD, "tpldtbxh", decision))
        .doesNotThrowAnyException();
  }
}
