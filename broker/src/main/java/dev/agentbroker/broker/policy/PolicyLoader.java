package dev.agentbroker.broker.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;

import dev.agentbroker.broker.policy.PolicyFiles.PolicyFile;

/**
 * Turns policy files into an enforceable {@link PolicySnapshot}, or refuses them with every
 * problem's file, line and message. Each file is parsed on its own (so a syntax error names
 * its file), every policy must carry a unique {@code @id("...")} (it becomes the Cedar
 * policy id, reported in decisions and audit), templates are refused, and the whole set is
 * validated strictly against the built-in schema. The schema is parsed and cached once per
 * loader. Thread-safe.
 */
public final class PolicyLoader {
    private final Schema schema;
    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();

    public PolicyLoader() {
        try {
            this.schema = Schema.parse(Schema.JsonOrCedar.Cedar, PolicyFiles.schemaText());
            this.schema.cache();
        } catch (InternalException | CacheException e) {
            throw new IllegalStateException("the built-in Cedar schema does not parse: " + e.getMessage(), e);
        }
    }

    /** Loads {@code location} (a directory or {@code builtin:NAME}). */
    public PolicySnapshot load(String location) {
        return load(location, PolicyFiles.read(location));
    }

    PolicySnapshot load(String source, List<PolicyFile> files) {
        List<PolicyProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            throw new PolicyLoadException(List.of(new PolicyProblem(source, 0, "no .cedar files")));
        }
        Map<String, Located> byId = new HashMap<>();
        for (PolicyFile file : files) {
            parseFile(file, byId, problems);
        }
        if (problems.isEmpty()) {
            validate(byId, problems);
        }
        if (!problems.isEmpty()) {
            throw new PolicyLoadException(problems);
        }
        Set<Policy> policies = new HashSet<>();
        byId.values().forEach(l -> policies.add(l.policy));
        PolicySet set = new PolicySet(policies);
        try {
            set.cache();
        } catch (CacheException e) {
            throw new PolicyLoadException(List.of(new PolicyProblem(source, 0, "cannot cache: " + e.getMessage())));
        }
        return new PolicySnapshot(PolicyFiles.version(files), source, byId.keySet().stream().sorted().toList(), set,
                schema);
    }

    private record Located(Policy policy, String file, int line) {
    }

    private static void parseFile(PolicyFile file, Map<String, Located> byId, List<PolicyProblem> problems) {
        PolicySet parsed;
        try {
            parsed = PolicySet.parsePolicies(file.text());
        } catch (InternalException | RuntimeException e) {
            problems.add(SyntaxLocator.locate(file, e));
            return;
        }
        if (parsed.getNumTemplates() > 0) {
            problems.add(new PolicyProblem(file.name(), 0, "policy templates are not supported"));
        }
        for (Policy p : parsed.policies) {
            int offset = file.text().indexOf(p.policySrc);
            int line = offset < 0 ? 0 : lineOf(file.text(), offset);
            String id = annotationId(p);
            if (id == null || id.isBlank()) {
                problems.add(new PolicyProblem(file.name(), line, "policy has no @id(\"...\") annotation"));
                continue;
            }
            Located previous = byId.putIfAbsent(id, new Located(new Policy(p.policySrc, id), file.name(), line));
            if (previous != null) {
                problems.add(new PolicyProblem(file.name(), line, "duplicate @id(\"" + id + "\"), first in "
                        + previous.file + ":" + previous.line));
            }
        }
    }

    private void validate(Map<String, Located> byId, List<PolicyProblem> problems) {
        Set<Policy> all = new HashSet<>();
        byId.values().forEach(l -> all.add(l.policy));
        ValidationResponse response;
        try {
            response = engine.validate(new ValidationRequest(schema, new PolicySet(all)));
        } catch (AuthException e) {
            problems.add(new PolicyProblem("(policy set)", 0, "validation failed: " + e.getMessage()));
            return;
        }
        if (response.success.isEmpty()) {
            response.errors.ifPresent(list -> list.forEach(
                    e -> problems.add(new PolicyProblem("(policy set)", 0, e.message))));
            return;
        }
        for (ValidationResponse.ValidationError error : response.success.get().validationErrors) {
            Located where = byId.get(error.getPolicyId());
            DetailedError detail = error.getError();
            if (where == null) {
                problems.add(new PolicyProblem("(policy set)", 0, detail.message));
                continue;
            }
            int line = where.line;
            if (!detail.sourceLocations.isEmpty() && line > 0) {
                line += lineOf(where.policy.policySrc, detail.sourceLocations.get(0).start) - 1;
            }
            String help = detail.help.filter(h -> !h.isBlank()).map(h -> " (" + h + ")").orElse("");
            problems.add(new PolicyProblem(where.file, line,
                    "policy \"" + error.getPolicyId() + "\": " + detail.message + help));
        }
    }

    private static String annotationId(Policy p) {
        try {
            return p.getAnnotation("id");
        } catch (InternalException e) {
            return null;
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
