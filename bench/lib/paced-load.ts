import { Agent, request as httpRequest } from "node:http";

/**
 * Open-loop load at an even rate: request i is sent at start + i/rate, whether or not earlier ones have
 * answered, and its latency counts from that scheduled instant (so a stalled server is charged for the
 * requests queued behind it instead of being sent fewer — no coordinated omission).
 *
 * autocannon's overallRate cannot measure "latency at half the maximum rate": each connection spends its
 * per-second budget back to back at the start of every second and then idles, so for half of each second
 * the server is saturated and the figures are saturated latencies.
 */

export type PacedRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
export type PacedResult = { sent: number; ok: number; non2xx: number; errors: number; latenciesMs: number[] };

export async function pacedLoad(baseUrl: string, rate: number, seconds: number, next: () => PacedRequest): Promise<PacedResult> {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const result: PacedResult = { sent: 0, ok: 0, non2xx: 0, errors: 0, latenciesMs: [] };
  const total = Math.max(1, Math.floor(rate * seconds));
  const intervalMs = 1000 / rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    result.sent++;
    inFlight.push(send(url, agent, next(), due, result));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return result;
}

function send(url: URL, agent: Agent, spec: PacedRequest, due: number, result: PacedResult): Promise<void> {
  return new Promise((resolve) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: spec.path, method: spec.method, headers: spec.headers, agent },
      (response) => {
        response.resume();
        response.on("end", () => {
          result.latenciesMs.push(performance.now() - due);
          if (response.statusCode && response.statusCode >= 200 && response.statusCode < 300) result.ok++;
          else result.non2xx++;
          resolve();
        });
      },
    );
    request.on("error", () => {
      result.errors++;
      resolve();
    });
    request.end(spec.body);
  });
}
