/** The HTTP server: route table, request observation (metrics and access log), health and metrics endpoints. */
package dev.agentbroker.broker.http;
