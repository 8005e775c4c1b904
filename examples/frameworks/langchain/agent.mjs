// LangChain.js: MCP tools through @langchain/mcp-adapters, the model through ChatOpenAI,
// a LangGraph ReAct agent between them; all pointed at the broker.
import { ChatOpenAI } from "@langchain/openai";
import { MultiServerMCPClient } from "@langchain/mcp-adapters";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { brokerUrl, token, model, task } from "../broker.mjs";

const client = new MultiServerMCPClient({
  mcpServers: {
    broker: { transport: "http", url: `${brokerUrl}/mcp`, headers: { Authorization: `Bearer ${token}` } },
  },
});
try {
  const tools = await client.getTools();
  console.log(`tools: ${tools.map((t) => t.name).join(", ")}`);
  const llm = new ChatOpenAI({ model, apiKey: token, configuration: { baseURL: `${brokerUrl}/v1` } });
  const agent = createReactAgent({ llm, tools });
  // invoke, not stream: LangChain's streaming path downloads a tokenizer at run time.
  const result = await agent.invoke({ messages: [{ role: "user", content: task }] });
  for (const message of result.messages) {
    const calls = message.tool_calls ?? [];
    for (const call of calls) console.log(`tool call: ${call.name} ${JSON.stringify(call.args)}`);
    if (message.getType() === "tool") console.log(`tool result: ${message.content}`);
  }
  console.log(`final answer: ${result.messages.at(-1).content}`);
} finally {
  await client.close();
}
