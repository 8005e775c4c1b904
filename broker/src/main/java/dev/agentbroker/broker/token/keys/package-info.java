/**
 * Task-token signing keys: ES256 keys generated on first start and kept owner-only in the
 * data dir (or loaded from configuration), rotation with a retention window, and the public
 * JWKS.
 */
package dev.agentbroker.broker.token.keys;
