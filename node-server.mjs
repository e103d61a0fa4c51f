/**
 * Node scripts run on the server. Modules that must never reach a browser bundle start with
 * `import "server-only"`, a marker package that throws unless it is resolved under React's
 * "react-server" condition, as Next.js does for server code and vitest.config.ts does for the tests.
 * A plain Node process resolves it the browser's way, so every tsx script in package.json starts
 * with this hook: `tsx --import ./node-server.mjs seed/demo.ts`. It changes nothing else.
 */
import { register } from "node:module";
import { isMainThread } from "node:worker_threads";

/** The resolve hook: `server-only` as the server resolves it (its empty module); any other specifier as before. */
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}

// Loaded by --import on the main thread: register this file as the hooks module (Node loads it again on its hooks thread).
if (isMainThread) register(import.meta.url);
