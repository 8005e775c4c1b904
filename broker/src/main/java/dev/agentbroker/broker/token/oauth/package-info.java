/**
 * The OAuth 2.0 endpoints of the broker's authorization server on Helidon: metadata
 * (RFC 8414), JWKS, token (client credentials, RFC 8693 token exchange), introspection
 * (RFC 7662), revocation (RFC 7009) and the development IdP's user-token endpoint.
 */
package dev.agentbroker.broker.token.oauth;
