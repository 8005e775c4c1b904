package dev.agentbroker.broker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import dev.agentbroker.broker.audit.AuditVerifier;
import dev.agentbroker.broker.audit.CheckpointKeys;
import dev.agentbroker.broker.audit.VerifyReport;

/**
 * {@code bin/broker audit verify [DIR] | tail [-n N] [--follow] | query --task T --type X
 * --since WHEN}: proves the log intact with only the checkpoint public key (exit 1 naming
 * the first bad record), or prints records as JSON lines.
 */
final class AuditCommand implements Command {
    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String synopsis() {
        return "audit verify [DIR] | tail [-n N] [--follow] | query [--task T] [--type X] [--since WHEN]";
    }

    @Override
    public String summary() {
        return "Verify the tamper-evident audit log, or print its last or matching records as JSON lines";
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(AuditLocation.OPTIONS);
        options.add(new Option("dir", "DIR", "the audit directory (default: audit.directory)"));
        options.add(new Option("public-key", "FILE", "verify: the checkpoint public key (default: audit-keys/" + CheckpointKeys.PUBLIC_FILE + ")"));
        options.add(new Option("n", "N", "tail: how many records (default 10)"));
        options.add(new Option("follow", null, "tail: keep printing records as they are written"));
        options.addAll(AuditQuery.OPTIONS);
        return options;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        List<String> args = arguments.positional();
        if (args.isEmpty()) {
            throw new UsageException("audit needs a sub-command: verify, tail or query");
        }
        String explicit = args.size() > 1 ? args.get(1) : arguments.value("dir").orElse(null);
        if (args.size() > 2 || args.size() == 2 && !args.get(0).equals("verify")) {
            throw new UsageException("unexpected argument '" + args.get(args.size() - 1) + "'");
        }
        return AuditLocation.run(arguments, explicit, terminal, where -> switch (args.get(0)) {
            case "verify" -> verify(where, terminal);
            case "tail" -> new AuditTail(where.directory(), terminal).run(arguments.integer("n", 0, 10_000_000).orElse(10),
                    arguments.flag("follow"));
            case "query" -> AuditQuery.parse(arguments).run(where.directory(), terminal);
            default -> throw new UsageException("unknown audit sub-command '" + args.get(0) + "'");
        });
    }

    private static int verify(AuditLocation where, Terminal terminal) throws IOException {
        Path keyFile = where.publicKey();
        if (!Files.isRegularFile(keyFile)) {
            terminal.err().println("error: no checkpoint public key at " + keyFile + " (give --public-key FILE)");
            return Cli.FAILED;
        }
        PublicKey key = CheckpointKeys.readPublic(keyFile);
        VerifyReport report = AuditVerifier.verify(where.directory(), key);
        (report.ok() ? terminal.out() : terminal.err()).println(report.summary());
        terminal.out().println("  log: " + where.directory() + "  key: " + keyFile + " (id " + CheckpointKeys.keyId(key) + ")");
        return report.ok() ? Cli.OK : Cli.FAILED;
    }
}
