// The OpenAI Agents SDK (JS) with the broker as its model provider and MCP server.
import OpenAI from "openai";
import { Agent, MCPServerStreamableHttp, run, setDefaultOpenAIClient, setOpenAIAPI, setTracingDisabled } from "@openai/agents";
import { brokerUrl, token, model, task } from "../broker.mjs";

setDefaultOpenAIClient(new OpenAI({ baseURL: `${brokerUrl}/v1`, apiKey: token }));
setOpenAIAPI("chat_completions");   // the sandbox model speaks chat completions
setTracingDisabled(true);           // the broker keeps the trace; nothing goes to api.openai.com

const mcp = new MCPServerStreamableHttp({
  name: "broker",
  url: `${brokerUrl}/mcp`,
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
await mcp.connect();
try {
  const agent = new Agent({ name: "research-agent", instructions: "Use the tools you are given.", model, mcpServers: [mcp] });
  const result = await run(agent, task);
  for (const item of result.newItems) {
    if (item.type === "tool_call_item") console.log(`tool call: ${item.rawItem.name} ${item.rawItem.arguments}`);
    if (item.type === "tool_call_output_item") console.log(`tool result: ${JSON.stringify(item.output)}`);
  }
  console.log(`final answer: ${result.finalOutput}`);
} finally {
  await mcp.close();
}
