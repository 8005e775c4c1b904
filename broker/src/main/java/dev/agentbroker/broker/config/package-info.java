/**
 * Configuration: one YAML file bound once into immutable records and validated, with every
 * error naming its key path. Secrets are references ({@code env:NAME}, {@code file:/path}).
 */
package dev.agentbroker.broker.config;
