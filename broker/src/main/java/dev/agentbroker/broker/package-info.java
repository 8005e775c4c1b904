/** The broker: wiring ({@link dev.agentbroker.broker.Broker}) and the entry point. */
package dev.agentbroker.broker;
