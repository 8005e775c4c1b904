package dev.agentbroker.broker.policy;

/** The Cedar actions of agent-broker.cedarschema; one per kind of {@link Target}. */
public enum PolicyAction {
    INVOKE_MODEL("invoke_model"),
    CALL_TOOL("call_tool"),
    LIST_TOOLS("list_tools"),
    READ_RESOURCE("read_resource"),
    GET_PROMPT("get_prompt"),
    EXCHANGE_TOKEN("exchange_token");

    private final String cedarName;

    PolicyAction(String cedarName) {
        this.cedarName = cedarName;
    }

    /** The action's id in policies: {@code Action::"call_tool"}. */
    public String cedarName() {
        return cedarName;
    }

    /** The action called {@code name} in policies and case files. */
    public static PolicyAction fromCedarName(String name) {
        for (PolicyAction a : values()) {
            if (a.cedarName.equals(name)) {
                return a;
            }
        }
        throw new PolicyException("unknown action \"" + name + "\"");
    }
}
