package dev.agentbroker.mcp.gateway;

/** How a server's never-seen tools are treated: pinned at once (unless flagged), or held for approval. */
public enum TrustMode { TOFU, REQUIRE_APPROVAL }
