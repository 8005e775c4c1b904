package dev.agentbroker.llm.routing;

/** How an alias orders its deployments for each call. */
public enum Strategy {
    /** In configuration order: the first is primary, the rest are fallbacks. */
    ORDERED,
    /** Random order, each deployment drawn with probability proportional to its weight. */
    WEIGHTED,
    /** Fewest requests in flight first; ties keep configuration order. */
    LEAST_BUSY
}
