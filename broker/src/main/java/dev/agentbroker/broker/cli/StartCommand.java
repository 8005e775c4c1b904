package dev.agentbroker.broker.cli;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.observability.LogSetup;

/**
 * {@code bin/broker start}: validates the configuration, starts the broker and serves until
 * SIGTERM or SIGINT, then lets in-flight requests finish and exits 0.
 */
final class StartCommand implements Command {
    @Override
    public String name() {
        return "start";
    }

    @Override
    public String synopsis() {
        return "start [--config FILE] [--port N] [--data-dir DIR]";
    }

    @Override
    public String summary() {
        return "Run the broker (default: the embedded quickstart config)";
    }

    @Override
    public List<Option> options() {
        return List.of(ConfigOptions.CONFIG, ConfigOptions.PORT, ConfigOptions.DATA_DIR);
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + arguments.positional().get(0) + "'");
        }
        Optional<BrokerConfig> loaded = ConfigOptions.loadOrReport(arguments, terminal);
        if (loaded.isEmpty()) {
            return Cli.USAGE;
        }
        BrokerConfig config = loaded.get();
        LogSetup.apply(config.logging());
        CountDownLatch stopRequested = new CountDownLatch(1);
        Broker broker;
        try {
            broker = Broker.start(config);
        } catch (UncheckedIOException | IllegalStateException e) {
            terminal.err().println("error: cannot start: " + e.getMessage());
            return Cli.FAILED;
        }
        Signal.handle(new Signal("TERM"), signal -> stopRequested.countDown());
        Signal.handle(new Signal("INT"), signal -> stopRequested.countDown());
        terminal.out().println("Agent Broker " + VersionCommand.version() + " listening on " + broker.server().baseUrl());
        terminal.out().println("  config: " + config.source());
        terminal.out().println("  data:   " + broker.dataDir());
        terminal.out().println("  try:    curl " + broker.server().baseUrl() + "/health");
        if (config.identity().devIdp().enabled()) {
            terminal.out().println("  token:  bin/broker token --user USER --agent AGENT --url "
                    + TokenCommand.listenerUrl(config.withPort(broker.server().port())) + "   (docs/tokens.md)");
        }
        terminal.out().flush();
        awaitUninterruptibly(stopRequested);
        terminal.out().println("Stopping: letting in-flight requests finish (up to "
                + config.server().shutdownGrace().toMillis() + " ms)");
        broker.stop();
        terminal.out().println("Stopped.");
        return Cli.OK;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
