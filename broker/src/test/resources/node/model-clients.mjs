// Drives the broker's model endpoints with the official SDKs, unmodified: only a base URL
// and a task token. Prints one JSON object with what each client saw.
// Usage: node model-clients.mjs BASE_URL TOKEN   (NODE_PATH points at the installed packages)
import { createRequire } from 'node:module';
const require = createRequire(process.env.NODE_MODULES_DIR + '/');
const OpenAI = require('openai').default ?? require('openai');
const Anthropic = require('@anthropic-ai/sdk').default ?? require('@anthropic-ai/sdk');
const AnthropicLegacy = require('anthropic-legacy').default ?? require('anthropic-legacy');

const [base, token] = process.argv.slice(2);
const out = {};
const openai = new OpenAI({ baseURL: base + '/v1', apiKey: token, maxRetries: 0 });
const anthropic = new Anthropic({ baseURL: base, authToken: token, maxRetries: 0 });
const legacy = new AnthropicLegacy({ baseURL: base, apiKey: token, maxRetries: 0 });
const tools = [{ type: 'function', function: { name: 'fs__write_file', parameters: { type: 'object' } } }];

async function step(name, fn) {
  try { out[name] = await fn(); } catch (e) { out[name] = { error: String(e?.status ?? ''), message: String(e?.message ?? e) }; }
}

await step('openaiPlain', async () => {
  const r = await openai.chat.completions.create({ model: 'sandbox-large', messages: [{ role: 'user', content: 'hello there' }] });
  return { text: r.choices[0].message.content, usage: r.usage.total_tokens };
});

await step('openaiStream', async () => {
  const stream = await openai.chat.completions.create({ model: 'sandbox-large', stream: true,
    stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'stream me please' }] });
  let text = '', chunks = 0, usage = null;
  const arrivals = [];
  for await (const chunk of stream) {
    chunks++; arrivals.push(Date.now());
    if (chunk.choices[0]?.delta?.content) text += chunk.choices[0].delta.content;
    if (chunk.usage) usage = chunk.usage.total_tokens;
  }
  return { text, chunks, usage, spreadMs: arrivals[arrivals.length - 1] - arrivals[0] };
});

await step('openaiTools', async () => {
  const messages = [{ role: 'user', content: 'write a note' }];
  const first = await openai.chat.completions.create({ model: 'sandbox', messages, tools });
  const call = first.choices[0].message.tool_calls[0];
  messages.push(first.choices[0].message);
  messages.push({ role: 'tool', tool_call_id: call.id, content: 'ok, 29 bytes' });
  const second = await openai.chat.completions.create({ model: 'sandbox', messages, tools });
  return { tool: call.function.name, args: JSON.parse(call.function.arguments), id: call.id,
           finish: first.choices[0].finish_reason, answer: second.choices[0].message.content };
});

await step('openaiStreamTools', async () => {
  const runner = openai.chat.completions.stream({ model: 'sandbox', messages: [{ role: 'user', content: 'write' }], tools,
    stream_options: { include_usage: true } });
  const final = await runner.finalChatCompletion();
  const call = final.choices[0].message.tool_calls[0];
  return { tool: call.function.name, args: JSON.parse(call.function.arguments) };
});

await step('openaiOnAnthropicStream', async () => {
  const stream = await openai.chat.completions.create({ model: 'claude', stream: true,
    stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] });
  let text = '', usage = null;
  for await (const chunk of stream) {
    if (chunk.choices[0]?.delta?.content) text += chunk.choices[0].delta.content;
    if (chunk.usage) usage = chunk.usage.total_tokens;
  }
  return { text, usage };
});

await step('openaiUnknownModel', async () => {
  await openai.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] });
  return { error: 'none' };
});

await step('openaiModels', async () => {
  const list = await openai.models.list();
  const ids = [];
  for await (const m of list) ids.push(m.id);
  return { ids: ids.sort() };
});

await step('anthropicPlain', async () => {
  const r = await anthropic.messages.create({ model: 'sandbox-large', max_tokens: 100,
    messages: [{ role: 'user', content: 'hi claude' }] });
  return { text: r.content[0].text, input: r.usage.input_tokens };
});

await step('anthropicStream', async () => {
  const stream = anthropic.messages.stream({ model: 'sandbox-large', max_tokens: 100,
    messages: [{ role: 'user', content: 'stream claude' }] });
  let deltas = 0;
  stream.on('text', () => { deltas++; });
  const final = await stream.finalMessage();
  return { text: final.content[0].text, deltas, output: final.usage.output_tokens };
});

await step('anthropicTools', async () => {
  const r = await anthropic.messages.create({ model: 'sandbox', max_tokens: 100,
    tools: [{ name: 'fs__write_file', input_schema: { type: 'object' } }],
    messages: [{ role: 'user', content: 'write a note' }] });
  const use = r.content.find(b => b.type === 'tool_use');
  const second = await anthropic.messages.create({ model: 'sandbox', max_tokens: 100,
    messages: [{ role: 'user', content: 'write a note' }, { role: 'assistant', content: r.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: 'written' }] }] });
  return { tool: use.name, input: use.input, stop: r.stop_reason, answer: second.content[0].text };
});

await step('anthropicStreamTools', async () => {
  const stream = anthropic.messages.stream({ model: 'sandbox', max_tokens: 100,
    messages: [{ role: 'user', content: 'write a note' }] });
  const final = await stream.finalMessage();
  const use = final.content.find(b => b.type === 'tool_use');
  return { tool: use.name, input: use.input };
});

await step('legacyApiKey', async () => {
  const r = await legacy.messages.create({ model: 'sandbox-large', max_tokens: 100,
    messages: [{ role: 'user', content: 'legacy hello' }] });
  return { text: r.content[0].text };
});

await step('anthropicForbidden', async () => {
  await anthropic.messages.create({ model: 'forbidden-model', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] });
  return { error: 'none' };
});

console.log(JSON.stringify(out));
