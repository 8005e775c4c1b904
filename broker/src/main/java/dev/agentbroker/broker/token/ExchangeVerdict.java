package dev.agentbroker.broker.token;

import java.util.List;

/**
 * The {@link ExchangeGate}'s answer. Immutable.
 *
 * @param allowed       whether the exchange may proceed
 * @param reason        a sentence safe to return as {@code error_description} when refused
 * @param policyIds     the determining policies (audited)
 * @param policyVersion the policy-set version that decided, or null without policies
 */
public record ExchangeVerdict(boolean allowed, String reason, List<String> policyIds, String policyVersion) {
    /** The verdict of {@link ExchangeGate#CEILINGS_ONLY}. */
    public static final ExchangeVerdict CEILINGS = new ExchangeVerdict(true, "configuration ceilings", List.of(), null);

    public ExchangeVerdict {
        policyIds = List.copyOf(policyIds);
    }
}
