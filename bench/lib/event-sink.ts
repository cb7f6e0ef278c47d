import { createServer } from "node:http";
import { freePort } from "./next-server";

/**
 * Stands in for Inngest's event API (`POST /e/{eventKey}` → `{ ids, status: 200 }`), so the app under load
 * runs as it does in production: a booking's request writes the outbox row and, after the response,
 * sends the event to Inngest; the emails are rendered later by Inngest function runs, not in the request's
 * process. `received` counts the events, so the bench can check that every booking was published, and
 * `receivedIds` lists their ids (= outbox ids), so a test can check none was published twice.
 */
export async function startEventSink(): Promise<{
  url: string;
  received: () => number;
  receivedIds: () => string[];
  stop: () => Promise<void>;
}> {
  const receivedIds: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      let ids: string[] = [];
      try {
        const events = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
        ids = (Array.isArray(events) ? events : [events]).map((event: { id?: string }) => event.id ?? "");
      } catch {
        response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ status: 400, error: "invalid JSON" }));
        return;
      }
      receivedIds.push(...ids);
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids, status: 200 }));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    received: () => receivedIds.length,
    receivedIds: () => [...receivedIds],
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
