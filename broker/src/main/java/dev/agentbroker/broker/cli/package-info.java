/** The {@code bin/broker} command line: sub-commands, option parsing and exit statuses. */
package dev.agentbroker.broker.cli;
