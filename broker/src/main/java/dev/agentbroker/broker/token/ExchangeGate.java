package dev.agentbroker.broker.token;

/**
 * The policy decision on a token exchange (Cedar action {@code exchange_token}), asked after
 * the configured ceilings, depth and delegation rules have passed. The token service only
 * issues when the gate allows. {@link #CEILINGS_ONLY} adds nothing to the config rules;
 * the Cedar implementation is {@code dev.agentbroker.broker.policy.CedarExchangeGate}.
 * Implementations are thread-safe and never throw for a bad request: they refuse.
 */
public interface ExchangeGate {
    /** Allows every exchange the configuration ceilings allow. */
    ExchangeGate CEILINGS_ONLY = request -> ExchangeVerdict.CEILINGS;

    ExchangeVerdict decide(ExchangeRequest request);
}
