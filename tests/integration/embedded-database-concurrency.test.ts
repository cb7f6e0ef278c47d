import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { protocolMessage } from "../../scripts/lib/serve-pglite";
import { createEmptyPGlite, servePGlite } from "../support/test-database";

/**
 * The embedded database serves many clients (Next's pool, background email publishing, CLIs) over one
 * PGlite session. These tests talk to it over the wire with `pg`, unpinned (no transaction), the way
 * Prisma's adapter does: every client's extended-protocol batch (Parse/Bind/Describe/Execute/Sync) must
 * run as a unit, a failure must stay with its client, and a client that goes away must release the session.
 */
const CLIENTS = 8;
const QUERIES_PER_CLIENT = 500;
// A lost session shows up as a query that never returns: fail that query in seconds, not at the test timeout.
const STALL_MS = 10_000;

let pglite: PGlite;
let served: Awaited<ReturnType<typeof servePGlite>>;
let open: pg.Client[] = [];

// At least two: every test here needs a pair that can interleave.
async function connect(count: number): Promise<[pg.Client, pg.Client, ...pg.Client[]]> {
  const clients = Array.from({ length: count }, () => new pg.Client({ connectionString: served.url }));
  open.push(...clients);
  await Promise.all(clients.map((client) => client.connect()));
  clients.forEach(deliverMessagesSeparately);
  return clients as [pg.Client, pg.Client, ...pg.Client[]];
}

/**
 * `pg` writes Parse, Bind, Describe, Execute and Sync one by one. A client in another process (Next's
 * pool, a CLI) has them arrive in separate reads, so the server sees other clients' messages in between;
 * in one process they would all be read at once. Sending each write on a later turn of the event loop
 * reproduces the other process, deterministically.
 */
function deliverMessagesSeparately(client: pg.Client): void {
  const socket = socketOf(client);
  const write = socket.write.bind(socket) as (chunk: Uint8Array) => boolean;
  let queue = Promise.resolve();
  socket.write = ((chunk: Uint8Array) => {
    queue = queue.then(() => new Promise((resolve) => setImmediate(resolve))).then(() => void write(chunk));
    return true;
  }) as typeof socket.write;
}

function withinStallLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${STALL_MS} ms: the session is stuck`)), STALL_MS);
  });
  return Promise.race([work, stalled]).finally(() => clearTimeout(timer));
}

beforeAll(async () => {
  pglite = await createEmptyPGlite();
  served = await servePGlite(pglite);
  await pglite.exec("CREATE TABLE probe (client int NOT NULL, seq int NOT NULL, payload text NOT NULL)");
});
afterEach(async () => {
  await Promise.all(open.map((client) => client.end().catch(() => undefined)));
  open = [];
});
afterAll(() => served.stop());

describe("the embedded database under concurrent clients", () => {
  it("answers 8 clients × 500 unpinned parameterised queries each with their own parameters", async () => {
    const clients = await connect(CLIENTS);
    const wrong: string[] = [];
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < QUERIES_PER_CLIENT; i++) {
          const [a, b] = [c * 1_000_000 + i, i * 7 + c];
          const { rows } = await withinStallLimit(client.query<{ n: number }>("SELECT $1::int + $2::int AS n", [a, b]));
          if (rows[0]?.n !== a + b) wrong.push(`client ${c} asked ${a} + ${b}, got ${rows[0]?.n}`);
        }
      }),
    );
    expect(wrong).toEqual([]);
  }, 180_000);

  it("stores and returns exactly the parameters of each client's insert while others select", async () => {
    const clients = await connect(CLIENTS);
    const wrong: string[] = [];
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < 100; i++) {
          // Two statement shapes (3 and 2 parameters) so a foreign Bind is refused or misread.
          const inserted = await withinStallLimit(
            client.query<{ client: number; seq: number; payload: string }>(
              "INSERT INTO probe (client, seq, payload) VALUES ($1, $2, $3) RETURNING client, seq, payload",
              [c, i, `client ${c} row ${i}`],
            ),
          );
          const row = inserted.rows[0];
          if (row?.client !== c || row.seq !== i || row.payload !== `client ${c} row ${i}`)
            wrong.push(`client ${c} row ${i} came back as ${JSON.stringify(row)}`);
          const { rows } = await withinStallLimit(client.query<{ n: number }>("SELECT $1::int + $2::int AS n", [c, i]));
          if (rows[0]?.n !== c + i) wrong.push(`client ${c} asked ${c} + ${i}, got ${rows[0]?.n}`);
        }
      }),
    );
    expect(wrong).toEqual([]);
    const stored = await pglite.query<{ client: number; seq: number; payload: string }>(
      "SELECT client, seq, payload FROM probe ORDER BY client, seq",
    );
    expect(stored.rows).toEqual(
      Array.from({ length: CLIENTS * 100 }, (_, n) => ({
        client: Math.floor(n / 100),
        seq: n % 100,
        payload: `client ${Math.floor(n / 100)} row ${n % 100}`,
      })),
    );
  }, 120_000);

  it("keeps a client's open transaction to itself while others query", async () => {
    const [writer, reader] = await connect(2);
    await writer.query("CREATE TABLE IF NOT EXISTS probe_tx (n int)");
    await writer.query("BEGIN");
    await writer.query("INSERT INTO probe_tx VALUES ($1)", [1]);
    const readAfterCommit = reader.query<{ count: string }>("SELECT count(*) AS count FROM probe_tx");
    await writer.query("COMMIT");
    expect(Number((await readAfterCommit).rows[0]!.count)).toBe(1);
  });

  it("answers a failed protocol call with an error to its client and keeps serving every client", async () => {
    const clients = await connect(CLIENTS);
    const original = pglite.execProtocolRawStream.bind(pglite);
    let injected = false;
    pglite.execProtocolRawStream = (message, options) => {
      if (!injected && Buffer.from(message).includes("fail here")) {
        injected = true;
        return Promise.reject(new Error("injected protocol failure"));
      }
      return original(message, options);
    };
    try {
      const failing = clients[0]!.query("SELECT $1::text AS marker /* fail here */", ["x"]);
      await expect(withinStallLimit(failing)).rejects.toThrow(/injected protocol failure/);
      const answers = await withinStallLimit(
        Promise.all(clients.map(async (client, c) => (await client.query<{ n: number }>("SELECT $1::int * 2 AS n", [c])).rows[0]!.n)),
      );
      expect(answers).toEqual(clients.map((_, c) => c * 2));
    } finally {
      pglite.execProtocolRawStream = original;
    }
    expect(injected).toBe(true);
  });

  it("keeps serving every client after one client's statement fails in the database", async () => {
    const clients = await connect(CLIENTS);
    const results = await withinStallLimit(
      Promise.allSettled(clients.map((client, c) => client.query<{ n: number }>("SELECT 10 / $1::int AS n", [c]))),
    );
    expect(results[0]).toMatchObject({ status: "rejected", reason: { code: "22012" } });
    expect(results.slice(1).map((r) => (r.status === "fulfilled" ? r.value.rows[0]!.n : r.reason))).toEqual(
      clients.slice(1).map((_, i) => Math.trunc(10 / (i + 1))),
    );
    const after = await withinStallLimit(
      Promise.all(clients.map(async (client, c) => (await client.query<{ c: number }>("SELECT $1::int AS c", [c])).rows[0]!.c)),
    );
    expect(after).toEqual(clients.map((_, c) => c));
  });

  it("rolls back and releases the session when a client disconnects inside a transaction", async () => {
    const [leaver, other] = await connect(2);
    ignoreErrorsOf(leaver);
    await leaver.query("CREATE TABLE IF NOT EXISTS probe_left (n int)");
    await leaver.query("BEGIN");
    await leaver.query("INSERT INTO probe_left VALUES ($1)", [1]);
    const waiting = other.query<{ count: string }>("SELECT count(*) AS count FROM probe_left");
    socketOf(leaver).destroy();
    expect(Number((await withinStallLimit(waiting)).rows[0]!.count)).toBe(0);
    expect(pglite.isInTransaction()).toBe(false);
  });

  it("releases the session when a client disconnects in the middle of a batch", async () => {
    const [leaver, other] = await connect(2);
    ignoreErrorsOf(leaver);
    // Parse and Bind of an insert, but never the Sync that would end the batch.
    const socket = socketOf(leaver);
    socket.write(Buffer.concat([parseMessage("INSERT INTO probe_left VALUES (42)"), bindMessage(), executeMessage()]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const waiting = other.query<{ count: string }>("SELECT count(*) AS count FROM probe_left WHERE n = 42");
    socket.destroy();
    expect(Number((await withinStallLimit(waiting)).rows[0]!.count)).toBe(0);
  });

  it("gives no client the session settings or temporary tables of another", async () => {
    const [first, second] = await connect(2);
    await first.query("SET pamper.probe = 'first'");
    await first.query("CREATE TEMP TABLE probe_temp (n int)");
    const setting = await second.query<{ value: string | null }>("SELECT current_setting('pamper.probe', true) AS value");
    expect(setting.rows[0]!.value ?? "").toBe("");
    await expect(second.query("SELECT * FROM probe_temp")).rejects.toMatchObject({ code: "42P01" });
  });
});

/**
 * The leaving client's socket is cut, or written to behind pg's back, on purpose: pg then emits "error"
 * (connection terminated, a reply it did not ask for), which without a listener would crash the run.
 */
function ignoreErrorsOf(client: pg.Client): void {
  client.on("error", () => undefined);
}

function socketOf(client: pg.Client): import("node:net").Socket {
  return (client as unknown as { connection: { stream: import("node:net").Socket } }).connection.stream;
}

function parseMessage(sql: string): Buffer {
  return protocolMessage("P", Buffer.concat([Buffer.from("\0"), Buffer.from(`${sql}\0`), Buffer.alloc(2)]));
}

function bindMessage(): Buffer {
  // Unnamed portal and statement, no parameter formats, no parameters, no result formats.
  return protocolMessage("B", Buffer.concat([Buffer.from("\0\0"), Buffer.alloc(6)]));
}

function executeMessage(): Buffer {
  return protocolMessage("E", Buffer.concat([Buffer.from("\0"), Buffer.alloc(4)]));
}
