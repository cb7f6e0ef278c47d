import { createServer, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

export type ServedPGlite = { url: string; port: number; stop: () => Promise<void> };

/**
 * Serves `pglite` over the Postgres wire protocol on 127.0.0.1 (port 0 = any free port).
 *
 * PGlite is one PostgreSQL session; every client shares it. So a client holds the session from the first
 * message of a batch until PGlite answers it with ReadyForQuery "idle" (for an open transaction, until it
 * ends): another client's Parse/Bind can never land between its Parse and its Sync. The upstream socket
 * server (@electric-sql/pglite-socket 0.2) queues single messages instead, and keeps a client's messages
 * together only inside a transaction. The session is PGlite's own query lock, so in-process callers of
 * the same PGlite (a dump, a direct query) queue with the clients.
 */
export async function servePGlite(pglite: PGlite, port = 0): Promise<ServedPGlite> {
  const host = "127.0.0.1";
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    serveClient(pglite, socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `postgresql://postgres:postgres@${host}:${boundPort}/postgres?sslmode=disable`,
    port: boundPort,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      // Waits for the query lock, so it runs after every disconnected client has been rolled back.
      await pglite.close();
    },
  };
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const SYNC = 0x53; // "S"
const QUERY = 0x51; // "Q"
const TERMINATE = 0x58; // "X"
const READY_FOR_QUERY = 0x5a; // "Z"
const IDLE = 0x49; // "I": ReadyForQuery outside a transaction

// Each batch starts on a clean session: a SET, a temporary table or a named prepared statement would
// otherwise leak to whichever client runs next (PgBouncer's transaction pooling has the same rule).
const RESET = simpleQuery("DISCARD ALL");
const ROLLBACK = simpleQuery("ROLLBACK");
const SYNC_MESSAGE = Buffer.from([SYNC, 0, 0, 0, 4]);

type Release = () => void;

/** Waits for PGlite's query lock and hands back the function that gives it up. */
function takeSession(pglite: PGlite): Promise<Release> {
  return new Promise((granted) => {
    void pglite.runExclusive(() => new Promise<void>((release) => granted(release)));
  });
}

type Unit = { bytes: Buffer; endsBatch: boolean } | { reply: Buffer } | { close: true };

function serveClient(pglite: PGlite, socket: Socket): void {
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  let started = false;
  let release: Release | undefined;
  // After a failed call whose batch had not reached its Sync, the rest of that batch is dropped, as
  // PostgreSQL itself ignores messages until Sync after an error.
  let skipToSync = false;
  let closed = false;
  let work = Promise.resolve();
  const replies = new ReplyTracker();

  const send = (data: Uint8Array) => {
    if (!closed && data.length > 0) socket.write(data);
  };

  const giveBack = async () => {
    try {
      await runUnheard(pglite, RESET);
    } finally {
      release?.();
      release = undefined;
    }
  };

  const run = async ({ bytes, endsBatch }: { bytes: Buffer; endsBatch: boolean }) => {
    release ??= await takeSession(pglite);
    try {
      await pglite.execProtocolRawStream(bytes, {
        onRawData: (data) => {
          replies.feed(data);
          send(data);
        },
      });
    } catch (error) {
      // PGlite itself failed (a SQL error is answered within the protocol): tell this client, and leave
      // the session as the next client expects to find it.
      await abandon(pglite).catch(() => undefined);
      replies.reset();
      skipToSync = !endsBatch;
      send(errorResponse(error instanceof Error ? error.message : String(error)));
      send(readyForQuery());
      return giveBack();
    }
    if (replies.lastReadyStatus() === IDLE) await giveBack();
  };

  const nextUnit = (): Unit | undefined => (started ? nextMessages() : nextStartupMessage());

  const nextStartupMessage = (): Unit | undefined => {
    if (pending.length < 8) return undefined;
    const length = pending.readInt32BE(0);
    const code = pending.readInt32BE(4);
    if (code === CANCEL_REQUEST) return { close: true };
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      pending = pending.subarray(8);
      return { reply: Buffer.from("N") };
    }
    if (pending.length < length) return undefined;
    const bytes = pending.subarray(0, length);
    pending = pending.subarray(length);
    started = true;
    return { bytes, endsBatch: true };
  };

  /** Every complete message received so far, as one call: PGlite runs them in order. */
  const nextMessages = (): Unit | undefined => {
    const kept: Buffer[] = [];
    let offset = 0;
    let lastType = 0;
    while (offset + 5 <= pending.length) {
      const size = 1 + pending.readInt32BE(offset + 1);
      if (offset + size > pending.length) break;
      const type = pending[offset]!;
      if (type === TERMINATE && kept.length === 0) return { close: true };
      if (type === TERMINATE) break;
      if (!skipToSync) {
        kept.push(pending.subarray(offset, offset + size));
        lastType = type;
      } else if (type === SYNC) skipToSync = false;
      offset += size;
    }
    pending = pending.subarray(offset);
    if (kept.length === 0) return undefined;
    return { bytes: Buffer.concat(kept), endsBatch: lastType === SYNC || lastType === QUERY };
  };

  const pump = async () => {
    for (let unit = nextUnit(); unit && !closed; unit = nextUnit()) {
      if ("close" in unit) return void socket.destroy();
      if ("reply" in unit) send(unit.reply);
      else await run(unit);
    }
  };

  socket.on("data", (data) => {
    pending = pending.length === 0 ? data : Buffer.concat([pending, data]);
    work = work.then(pump).catch(() => void socket.destroy());
  });
  socket.on("error", () => socket.destroy());
  socket.once("close", () => {
    closed = true;
    // A client that left mid-batch or mid-transaction must not keep the session, nor its changes.
    work = work.then(async () => {
      if (!release) return;
      await abandon(pglite).catch(() => undefined);
      await giveBack().catch(() => undefined);
    });
  });
}

/**
 * Ends whatever the session's last holder left open. ROLLBACK aborts an explicit transaction and the
 * implicit one of an unfinished batch (a Sync would commit that one); the Sync then ends a batch that
 * failed, during which PostgreSQL ignores everything but Sync; a failed transaction needs the second
 * ROLLBACK.
 */
async function abandon(pglite: PGlite): Promise<void> {
  await runUnheard(pglite, ROLLBACK);
  await runUnheard(pglite, SYNC_MESSAGE);
  if (pglite.isInTransaction()) await runUnheard(pglite, ROLLBACK);
}

/**
 * Runs the server's own messages and drops the answers. Not execProtocolRaw: PGlite keeps the last
 * stream's onRawData and would hand these answers to the previous client.
 */
function runUnheard(pglite: PGlite, messages: Buffer): Promise<void> {
  return pglite.execProtocolRawStream(messages, { onRawData: () => undefined });
}

/**
 * Follows the framing of PGlite's replies across chunks, to tell when the last complete message is a
 * ReadyForQuery and with which transaction status.
 */
class ReplyTracker {
  private header = Buffer.alloc(5);
  private headerLength = 0;
  private type = 0;
  private bodyLeft = 0;
  private status = 0;

  feed(data: Uint8Array): void {
    let i = 0;
    while (i < data.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, data.length - i);
        if (this.type === READY_FOR_QUERY) this.status = data[i + take - 1]!; // "Z": the body is the status byte
        this.bodyLeft -= take;
        i += take;
        continue;
      }
      this.header[this.headerLength++] = data[i++]!;
      if (this.headerLength === 5) {
        this.type = this.header[0]!;
        this.bodyLeft = this.header.readInt32BE(1) - 4;
        this.headerLength = 0;
        this.status = 0;
      }
    }
  }

  /** The status byte of the last message when it is a complete ReadyForQuery, otherwise 0. */
  lastReadyStatus(): number {
    return this.bodyLeft === 0 && this.headerLength === 0 && this.type === READY_FOR_QUERY ? this.status : 0;
  }

  reset(): void {
    this.headerLength = 0;
    this.bodyLeft = 0;
    this.type = 0;
  }
}

/** One frontend or backend protocol message: a type byte, the length, the body. */
export function protocolMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function simpleQuery(sql: string): Buffer {
  return protocolMessage("Q", Buffer.from(`${sql}\0`));
}

function readyForQuery(): Buffer {
  return protocolMessage("Z", Buffer.from("I"));
}

function errorResponse(text: string): Buffer {
  const fields = [`SERROR`, `VERROR`, `CXX000`, `M${text}`].map((field) => `${field}\0`).join("");
  return protocolMessage("E", Buffer.from(`${fields}\0`));
}
