// Where the broker is and the task token to present, shared by the examples.
// BROKER_URL defaults to the quickstart; BROKER_TOKEN comes from
//   export BROKER_TOKEN=$(bin/broker token --user alice --agent research-agent --scope "model:sandbox mcp:fs")
export const brokerUrl = process.env.BROKER_URL ?? "http://127.0.0.1:8080";
export const token = process.env.BROKER_TOKEN;
if (!token) {
  console.error("error: BROKER_TOKEN is not set; get a task token with:\n" +
    '  export BROKER_TOKEN=$(bin/broker token --user alice --agent research-agent --scope "model:sandbox mcp:fs")');
  process.exit(2);
}
export const model = process.env.BROKER_MODEL ?? "sandbox";
export const task = "Save a short note in the sandbox.";
