/**
 * Delegated task tokens: issuing (client credentials, RFC 8693 token exchange), the one
 * verifier every protected endpoint uses, introspection, revocation and signing keys.
 */
package dev.agentbroker.broker.token;
