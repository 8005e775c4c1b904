// Preloaded into the MCP upstream by bench/run (node --require): binds every server it
// starts to 127.0.0.1 instead of all interfaces, and drops its per-request console.log
// lines (they would cost the upstream time the broker is then blamed for). Errors and the
// "listening on port" line (console.error) stay.
const net = require("node:net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    const port = Number(args[0]);
    const callback = args.find((a) => typeof a === "function");
    return callback ? listen.call(this, port, "127.0.0.1", callback) : listen.call(this, port, "127.0.0.1");
  }
  return listen.apply(this, args);
};
console.log = () => {};
