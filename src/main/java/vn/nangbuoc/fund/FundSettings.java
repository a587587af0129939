package vn.nangbuoc.fund;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param settlementMarginPercent how far (in % of the approved amount) an actual cost may exceed it
 *     and still be paid without a further approval
 */
@ConfigurationProperties("nangbuoc.fund")
public record FundSettings(int settlementMarginPercent) {
}
