/**
 * Usage and budgets: token counts per call (from provider usage, estimated when missing),
 * budgets per task, agent and user behind the {@link dev.agentbroker.llm.usage.BudgetLedger}
 * port, and the record of each model call ({@link dev.agentbroker.llm.usage.ModelCallRecord})
 * with the tool calls it asked for, for correlation with later tool invocations.
 */
package dev.agentbroker.llm.usage;
