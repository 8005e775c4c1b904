/**
 * Delegated task tokens: the broker's OAuth 2.0 authorization server without HTTP
 * ({@link dev.agentbroker.broker.token.TokenService}: client credentials, RFC 8693 token
 * exchange, introspection, revocation), the one verifier every protected endpoint uses
 * ({@link dev.agentbroker.broker.token.TaskTokenVerifier}), the agent registry, trusted
 * issuers, the development IdP and its one-step task tokens
 * ({@link dev.agentbroker.broker.token.DevTaskTokens}), scopes and the exchange policy port. Wiring:
 * {@link dev.agentbroker.broker.token.TokensFeature}. Sub-packages: {@code keys} (signing
 * keys) and {@code oauth} (HTTP endpoints).
 */
package dev.agentbroker.broker.token;
