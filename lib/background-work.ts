/**
 * Work this process starts and no caller awaits: an after-response task run outside a request (scripts,
 * tests, the embedded delivery) and the webhook retry timer. It is tracked so a test file can stop it and
 * wait for it before its database goes away (otherwise a send still in flight, or a timer that fires
 * later, queries a database that no longer exists), and so a graceful shutdown could do the same.
 */

const inFlight = new Set<Promise<unknown>>();
const stoppers = new Set<() => void>();
let stopped = false;

/** Records `work` until it settles; returns it unchanged, so the caller may still await it. */
export function trackBackgroundWork<T>(work: Promise<T>): Promise<T> {
  inFlight.add(work);
  const forget = () => inFlight.delete(work);
  // The caller owns `work`'s rejection; this branch only forgets it, whatever the outcome.
  work.then(forget, forget);
  return work;
}

/** Registers how to cancel something scheduled for later (a timer); `stopBackgroundWork` calls it. */
export function onBackgroundStop(stop: () => void): void {
  stoppers.add(stop);
}

/** True once `stopBackgroundWork` ran: nothing new should be scheduled for later. */
export function backgroundWorkStopped(): boolean {
  return stopped;
}

/** Cancels what is scheduled, then waits until the work in flight, and any work it starts, has settled. */
export async function stopBackgroundWork(): Promise<void> {
  stopped = true;
  for (const stop of stoppers) stop();
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
