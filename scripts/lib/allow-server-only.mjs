// Operator scripts run the server code directly in Node. The "server-only" guard exists to keep server
// modules out of client bundles; outside any bundler it would only throw, so it resolves to nothing here.
// Unlike `--conditions=react-server`, this keeps react-dom/server usable (email rendering needs it).
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
