// A tiny MCP server over stdio (no dependencies) for the broker's fault and isolation tests:
// it appends every message it receives to $RECORD_FILE, reports its environment and pid, and
// has a tool that answers only after `seconds` (or never, when cancelled).
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";

const record = (line) => appendFileSync(process.env.RECORD_FILE, line + "\n");
const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
const text = (t) => ({ content: [{ type: "text", text: t }] });
const timers = new Map();

const tools = [
  { name: "env", description: "Returns the names of this process's environment variables.", inputSchema: { type: "object" } },
  { name: "pid", description: "Returns this process's id.", inputSchema: { type: "object" } },
  { name: "slow", description: "Answers after the given number of seconds.",
    inputSchema: { type: "object", properties: { seconds: { type: "number" } } } },
];

function call(id, params) {
  const args = params.arguments || {};
  if (params.name === "env") return send({ jsonrpc: "2.0", id, result: text(JSON.stringify(Object.keys(process.env).sort())) });
  if (params.name === "pid") return send({ jsonrpc: "2.0", id, result: text(String(process.pid)) });
  if (params.name === "slow") {
    timers.set(id, setTimeout(() => { timers.delete(id); send({ jsonrpc: "2.0", id, result: text("done") }); },
      (args.seconds || 1) * 1000));
    return;
  }
  send({ jsonrpc: "2.0", id, error: { code: -32602, message: "unknown tool" } });
}

createInterface({ input: process.stdin }).on("line", (line) => {
  record(line);
  const m = JSON.parse(line);
  if (m.method === "initialize") {
    send({ jsonrpc: "2.0", id: m.id, result: { protocolVersion: m.params.protocolVersion,
      capabilities: { tools: {} }, serverInfo: { name: "recording-upstream", version: "1" } } });
  } else if (m.method === "tools/list") {
    send({ jsonrpc: "2.0", id: m.id, result: { tools } });
  } else if (m.method === "tools/call") {
    call(m.id, m.params);
  } else if (m.method === "notifications/cancelled") {
    clearTimeout(timers.get(m.params.requestId));
    timers.delete(m.params.requestId);
  } else if (m.id !== undefined && m.method) {
    send({ jsonrpc: "2.0", id: m.id, error: { code: -32601, message: "method not found" } });
  }
});
