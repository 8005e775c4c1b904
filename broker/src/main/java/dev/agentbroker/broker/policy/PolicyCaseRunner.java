package dev.agentbroker.broker.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Runs a policy set's stored cases, cedar-examples style: every {@code ALLOW/*.json} must be
 * allowed and every {@code DENY/*.json} denied (with an error when it says
 * {@code expectErrors}), against the set's {@code *.cedar} files and its
 * {@code catalog.json}. Used by {@code bin/broker policy test} and by the build's
 * parameterised test. Thread-safe.
 */
public final class PolicyCaseRunner {
    private final PolicyLoader loader;

    public PolicyCaseRunner(PolicyLoader loader) {
        this.loader = loader;
    }

    /** One case's expectation and what the engine decided. */
    public record Result(String expected, PolicyCase policyCase, Decision decision, boolean passed) {
        public String name() {
            return expected + "/" + policyCase.name();
        }
    }

    /** Runs the cases of {@code location}: a directory or {@code builtin:NAME}. */
    public List<Result> run(String location) {
        if (location.startsWith(PolicyFiles.BUILTIN)) {
            return PolicyFiles.withBuiltinDirectory(location.substring(PolicyFiles.BUILTIN.length()), this::run);
        }
        return run(Path.of(location));
    }

    /** Loads the set in {@code dir} and runs every case; the set failing to load throws {@link PolicyLoadException}. */
    public List<Result> run(Path dir) {
        PolicyEngine engine = engineFor(dir);
        List<Result> results = new ArrayList<>();
        for (String expected : List.of("ALLOW", "DENY")) {
            for (Path file : caseFiles(dir.resolve(expected))) {
                PolicyCase c = PolicyCase.read(file);
                Decision d = engine.authorize(c.request());
                boolean passed = expected.equals("ALLOW") ? d.allowed()
                        : !d.allowed() && (!c.expectErrors() || !d.errors().isEmpty());
                results.add(new Result(expected, c, d, passed));
            }
        }
        return results;
    }

    /** An engine enforcing the set in {@code dir} over the entities of its {@code catalog.json}. */
    public PolicyEngine engineFor(Path dir) {
        CatalogFile catalog = CatalogFile.read(dir);
        Executor inline = Runnable::run;
        return new PolicyEngine(loader.load(dir.toString(), PolicyFiles.readDirectory(dir)),
                new EntityStore(catalog.catalog()),
                new ArgumentCanonicaliser(catalog.pathRoots()), new SimpleMeterRegistry(), event -> 0L, inline);
    }

    /** The case files of one folder, sorted; none when the folder does not exist. */
    public static List<Path> caseFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
