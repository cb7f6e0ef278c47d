import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line and metric of one request (or one background job) should know about it. */
export type RequestContext = { requestId: string; route?: string };

const globalForContext = globalThis as unknown as { pamperRequestContext?: AsyncLocalStorage<RequestContext> };

// One store per process even when Next bundles this module into several route chunks.
const storage = (globalForContext.pamperRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` with `context` visible to everything it calls, however deep and across awaits. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
