import { after } from "next/server";
import { trackBackgroundWork } from "./background-work";

/**
 * Runs `task` once the response has been sent when called inside a Next request (server action, route
 * handler), so the caller neither waits for it nor can be timed by it; anywhere else (scripts, tests,
 * Inngest functions), where `after()` throws, it runs now and can be awaited, and is tracked as
 * background work for callers that do not await it.
 */
export function runAfterResponse<T>(task: () => Promise<T>): Promise<T | undefined> {
  try {
    after(task);
    return Promise.resolve(undefined);
  } catch {
    return trackBackgroundWork(task());
  }
}
