package dev.agentbroker.broker.cli;

import java.util.ArrayList;
import java.util.List;

import dev.agentbroker.broker.trace.TraceTree;

/**
 * {@code bin/broker trace TASK}: draws one task's tree from the audit log (user, agents and
 * sub-agents, their model and tool calls with decisions, policies and tool-call links), or
 * prints it as the admin API's JSON with {@code --json}.
 */
final class TraceCommand implements Command {
    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String synopsis() {
        return "trace TASK [--data-dir DIR] [--json]";
    }

    @Override
    public String summary() {
        return "Show one task's trace tree: who, through which agents, made which calls, allowed by which policy";
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(AuditLocation.OPTIONS);
        options.add(new Option("dir", "DIR", "the audit directory (default: audit.directory)"));
        options.add(new Option("json", null, "print the tree as JSON (as GET /admin/tasks/TASK returns it)"));
        return options;
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        if (arguments.positional().size() != 1) {
            throw new UsageException("trace needs exactly one TASK id");
        }
        String task = arguments.positional().get(0);
        return AuditLocation.run(arguments, arguments.value("dir").orElse(null), terminal, where -> {
            TraceTree tree = TraceTree.load(where.directory(), task);
            if (tree.isEmpty()) {
                terminal.err().println("error: no audit records for task " + task + " in " + where.directory());
                return Cli.FAILED;
            }
            terminal.out().print(arguments.flag("json") ? tree.toJson() + "\n" : tree.render());
            return Cli.OK;
        });
    }
}
