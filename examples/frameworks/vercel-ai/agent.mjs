// The Vercel AI SDK: generateText with the broker as an OpenAI-compatible provider and the
// broker's /mcp as the tool source.
import { generateText, stepCountIs } from "ai";
import { createOpenAI } from "@ai-sdk/openai";
import { createMCPClient } from "@ai-sdk/mcp";
import { brokerUrl, token, model, task } from "../broker.mjs";

const mcp = await createMCPClient({
  transport: { type: "http", url: `${brokerUrl}/mcp`, headers: { Authorization: `Bearer ${token}` } },
});
try {
  const tools = await mcp.tools();
  console.log(`tools: ${Object.keys(tools).join(", ")}`);
  const broker = createOpenAI({ baseURL: `${brokerUrl}/v1`, apiKey: token });
  const result = await generateText({
    model: broker.chat(model),   // chat completions; the sandbox model does not serve /v1/responses
    tools,
    prompt: task,
    stopWhen: stepCountIs(5),
  });
  for (const step of result.steps) {
    for (const call of step.toolCalls) console.log(`tool call: ${call.toolName} ${JSON.stringify(call.input)}`);
    for (const r of step.toolResults) console.log(`tool result: ${JSON.stringify(r.output)}`);
  }
  console.log(`final answer: ${result.text}`);
} finally {
  await mcp.close();
}
