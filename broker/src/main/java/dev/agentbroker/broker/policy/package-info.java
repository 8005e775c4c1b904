/**
 * Cedar at every model call and every tool invocation. The only package that imports
 * {@code com.cedarpolicy}. Endpoints build a {@link dev.agentbroker.broker.policy.PolicyRequest}
 * from their own values (the verified token's
 * {@link dev.agentbroker.broker.policy.Delegation}, a
 * {@link dev.agentbroker.broker.policy.Target}, JSON arguments, budgets) and get a
 * {@link dev.agentbroker.broker.policy.Decision} from the
 * {@link dev.agentbroker.broker.policy.PolicyEngine}; lists are filtered with
 * {@code couldPermit}. Policy sets are validated strictly against the built-in schema
 * ({@code cedar/agent-broker.cedarschema} from the cedar-policies module), cached in the
 * native engine and swapped atomically on reload. Everything fails closed. See
 * docs/policies.md.
 */
package dev.agentbroker.broker.policy;
