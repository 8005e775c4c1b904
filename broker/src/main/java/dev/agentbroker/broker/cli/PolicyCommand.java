package dev.agentbroker.broker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.policy.Decision;
import dev.agentbroker.broker.policy.PolicyCase;
import dev.agentbroker.broker.policy.PolicyCaseRunner;
import dev.agentbroker.broker.policy.PolicyEngine;
import dev.agentbroker.broker.policy.PolicyException;
import dev.agentbroker.broker.policy.PolicyFiles;
import dev.agentbroker.broker.policy.PolicyLoadException;
import dev.agentbroker.broker.policy.PolicyLoader;
import dev.agentbroker.broker.policy.PolicyProblem;
import dev.agentbroker.broker.policy.PolicySnapshot;

/**
 * {@code bin/broker policy validate|test|explain}: checks a policy set against the schema
 * (every problem as {@code file:line: message}), runs its ALLOW/DENY cases, or explains the
 * decision on one stored request. Without a directory it uses the configured
 * {@code policies.directory} ({@code --config}, default the embedded quickstart).
 */
final class PolicyCommand implements Command {
    @Override
    public String name() {
        return "policy";
    }

    @Override
    public String synopsis() {
        return "policy validate [DIR] | test [DIR] | explain REQUEST.json";
    }

    @Override
    public String summary() {
        return "Validate a Cedar policy set, run its ALLOW/DENY cases, or explain one decision";
    }

    @Override
    public List<Option> options() {
        return List.of(new Option("config", "FILE", "take the policy directory from this config (default: embedded quickstart)"),
                new Option("policies", "DIR", "explain: the policy set and its catalog.json (default: configured)"));
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        List<String> args = arguments.positional();
        if (args.isEmpty()) {
            throw new UsageException("policy needs a sub-command: validate, test or explain");
        }
        if (args.size() > 2) {
            throw new UsageException("unexpected argument '" + args.get(2) + "'");
        }
        try {
            return switch (args.get(0)) {
                case "validate" -> validate(directory(arguments, args), terminal);
                case "test" -> test(directory(arguments, args), terminal);
                case "explain" -> explain(arguments, args, terminal);
                default -> throw new UsageException("unknown policy sub-command '" + args.get(0) + "'");
            };
        } catch (ConfigException e) {
            terminal.err().println("error: invalid configuration: " + e.getMessage());
            return Cli.USAGE;
        } catch (PolicyLoadException e) {
            printProblems(e, terminal);
            return Cli.FAILED;
        } catch (PolicyException e) {
            terminal.err().println("error: " + e.getMessage());
            return Cli.FAILED;
        }
    }

    private static int validate(String dir, Terminal terminal) {
        PolicySnapshot snapshot = new PolicyLoader().load(dir);
        terminal.out().println("ok: " + snapshot.policyIds().size() + " policies valid against the schema, version "
                + snapshot.version() + " (" + dir + ")");
        return Cli.OK;
    }

    private static int test(String dir, Terminal terminal) {
        List<PolicyCaseRunner.Result> results = new PolicyCaseRunner(new PolicyLoader()).run(dir);
        long failed = 0;
        for (PolicyCaseRunner.Result r : results) {
            if (!r.passed()) {
                failed++;
                terminal.out().println("FAIL " + r.name() + ": " + r.policyCase().description());
                terminal.out().println("     " + describe(r.decision()));
            }
        }
        if (results.isEmpty()) {
            terminal.err().println("error: no cases in " + dir + "/ALLOW or " + dir + "/DENY");
            return Cli.FAILED;
        }
        terminal.out().println(results.size() + " cases, " + (results.size() - failed) + " passed, " + failed
                + " failed (" + dir + ")");
        return failed == 0 ? Cli.OK : Cli.FAILED;
    }

    private static int explain(Arguments arguments, List<String> args, Terminal terminal) {
        if (args.size() != 2) {
            throw new UsageException("explain needs REQUEST.json");
        }
        Path request = Path.of(args.get(1));
        if (!Files.isRegularFile(request)) {
            throw new UsageException("no such file: " + request);
        }
        String dir = arguments.value("policies").orElseGet(() -> configured(arguments));
        PolicyCaseRunner runner = new PolicyCaseRunner(new PolicyLoader());
        Decision d = dir.startsWith(PolicyFiles.BUILTIN)
                ? PolicyFiles.withBuiltin(dir, path -> decide(runner.engineFor(path), request))
                : decide(runner.engineFor(Path.of(dir)), request);
        terminal.out().println(d.allowed() ? "ALLOW" : "DENY");
        terminal.out().println("  reason:   " + d.reason());
        terminal.out().println("  policies: " + (d.policyIds().isEmpty() ? (d.errors().isEmpty() ? "(none: no permit applies)" : "(none)")
                : String.join(", ", d.policyIds())));
        terminal.out().println("  errors:   " + (d.errors().isEmpty() ? "(none)" : String.join("\n            ", d.errors())));
        terminal.out().println("  version:  " + d.policyVersion() + " (" + dir + ")");
        return Cli.OK;
    }

    private static Decision decide(PolicyEngine engine, Path request) {
        return engine.authorize(PolicyCase.read(request).request());
    }

    private static String describe(Decision d) {
        return (d.allowed() ? "allowed" : "denied") + " by " + d.policyIds() + (d.errors().isEmpty() ? ""
                : " errors " + d.errors());
    }

    private static void printProblems(PolicyLoadException e, Terminal terminal) {
        for (PolicyProblem p : e.problems()) {
            terminal.err().println(p);
        }
        terminal.err().println("error: " + e.problems().size() + " problem(s); the policy set is not valid");
    }

    private static String directory(Arguments arguments, List<String> args) {
        return args.size() == 2 ? args.get(1) : configured(arguments);
    }

    private static String configured(Arguments arguments) {
        ConfigLoader loader = new ConfigLoader();
        return arguments.value("config").map(f -> loader.load(Path.of(f))).orElseGet(loader::loadEmbedded)
                .policies().directory();
    }
}
