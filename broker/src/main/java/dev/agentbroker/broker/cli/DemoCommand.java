package dev.agentbroker.broker.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.agentbroker.broker.Broker;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.LoggingConfig;
import dev.agentbroker.broker.observability.LogSetup;
import dev.agentbroker.broker.trace.TraceTree;

/**
 * {@code bin/broker demo}: one full agent task on the quickstart sandbox, with no API key.
 * It uses the broker answering at the configured address, or starts one in this process,
 * runs the example Java agent ({@code examples/java-agent}) as a separate process against
 * it (alice -> research-agent -> helper-agent, model calls to the sandbox model, tool calls
 * to the sandbox tools, one write denied by policy), then draws the task's trace tree from
 * the audit log and says where that log is.
 */
final class DemoCommand implements Command {
    private static final String TASK_LINE = "task: ";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String synopsis() {
        return "demo [--config FILE] [--port N] [--data-dir DIR] [--agent-jar FILE]";
    }

    @Override
    public String summary() {
        return "Run a full agent task on the sandbox (no API key), then show its trace tree";
    }

    @Override
    public List<Option> options() {
        return List.of(ConfigOptions.CONFIG, ConfigOptions.PORT, ConfigOptions.DATA_DIR,
                new Option("agent-jar", "FILE", "the example agent (default: examples/java-agent/target/java-agent.jar)"));
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        Optional<BrokerConfig> loaded = ConfigOptions.loadOrReport(arguments, terminal);
        if (loaded.isEmpty()) {
            return Cli.USAGE;
        }
        BrokerConfig config = loaded.get();
        Path agentJar = arguments.value("agent-jar").map(Path::of).orElseGet(DemoCommand::bundledAgentJar);
        if (!Files.isRegularFile(agentJar)) {
            terminal.err().println("error: the example agent is not built (" + agentJar + "); bin/broker builds it, "
                    + "or pass --agent-jar FILE");
            return Cli.FAILED;
        }
        URI base = URI.create("http://" + config.server().host() + ":" + config.server().port());
        Broker started = null;
        if (BrokerProbe.answers(base)) {
            terminal.out().println("Using the broker running at " + base + " (data: " + config.dataDir().toAbsolutePath()
                    + "; pass --data-dir if it keeps its audit log elsewhere)");
        } else {
            LogSetup.apply(new LoggingConfig(LoggingConfig.Level.WARN, config.logging().format()));
            try {
                started = Broker.start(config);
            } catch (UncheckedIOException | IllegalStateException e) {
                terminal.err().println("error: cannot start a broker for the demo: " + e.getMessage());
                return Cli.FAILED;
            }
            base = started.server().baseUrl();
            terminal.out().println("Started a quickstart broker at " + base + " for the demo (data: " + started.dataDir() + ")");
        }
        try {
            return runAgent(agentJar, base, config, terminal);
        } finally {
            if (started != null) {
                started.stop();
            }
        }
    }

    private static int runAgent(Path agentJar, URI base, BrokerConfig config, Terminal terminal) {
        terminal.out().println("Running the example agent (examples/java-agent) against it:");
        terminal.out().flush();
        String task;
        try {
            task = runAndFindTask(agentJar, base, terminal);
        } catch (IOException e) {
            terminal.err().println("error: cannot run the example agent: " + e.getMessage());
            return Cli.FAILED;
        }
        if (task == null) {
            terminal.err().println("error: the example agent did not finish its task (its output is above)");
            return Cli.FAILED;
        }
        Path auditDir = config.audit().directoryUnder(config.dataDir());
        TraceTree tree;
        try {
            tree = TraceTree.load(auditDir, task);
        } catch (IOException e) {
            terminal.err().println("error: cannot read the audit log " + auditDir + ": " + e.getMessage());
            return Cli.FAILED;
        }
        if (tree.isEmpty()) {
            terminal.err().println("error: no audit records for task " + task + " in " + auditDir
                    + "; if the broker keeps its data elsewhere: bin/broker trace " + task + " --data-dir DIR");
            return Cli.FAILED;
        }
        terminal.out().println();
        terminal.out().println("The task's trace, from the tamper-evident audit log (bin/broker trace " + task + "):");
        terminal.out().print(tree.render());
        terminal.out().println();
        terminal.out().println("Audit log: " + auditDir);
        terminal.out().println("Prove it untouched: bin/broker audit verify " + auditDir);
        return Cli.OK;
    }

    /** Runs the agent with its output shown as it comes; returns the task id it reports, or null. */
    private static String runAndFindTask(Path agentJar, URI base, Terminal terminal) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process agent = new ProcessBuilder(java, "-jar", agentJar.toString(), base.toString())
                .redirectErrorStream(true).start();
        String task = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                terminal.out().println("  " + line);
                if (line.startsWith(TASK_LINE)) {
                    task = line.substring(TASK_LINE.length()).strip();
                }
            }
        }
        try {
            return agent.waitFor() == 0 ? task : null;
        } catch (InterruptedException e) {
            agent.destroy();
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code examples/java-agent/target/java-agent.jar} of the checkout this broker jar was built in. */
    private static Path bundledAgentJar() {
        try {
            Path brokerJar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = brokerJar.toAbsolutePath().getParent().getParent().getParent();
            return root.resolve("examples/java-agent/target/java-agent.jar");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("examples/java-agent/target/java-agent.jar");
        }
    }
}
