import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createEmptyPGlite, servePGlite } from "../support/test-database";

/**
 * The embedded database serves many clients (Next's pool, background email publishing, CLIs) over one
 * PGlite connection through the socket server's multiplexer. Concurrent parameterised queries must each
 * get their own answer, and an open transaction must stay its client's own.
 */
describe("the embedded database under concurrent clients", () => {
  let served: Awaited<ReturnType<typeof servePGlite>>;

  beforeAll(async () => {
    served = await servePGlite(await createEmptyPGlite());
  });
  afterAll(() => served.stop());

  it("answers every client's parameterised queries correctly when they interleave", async () => {
    const clients = Array.from({ length: 8 }, () => new pg.Client({ connectionString: served.url }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const answers = await Promise.all(
        clients.map(async (client, clientIndex) => {
          const results: number[] = [];
          for (let i = 0; i < 40; i++) {
            const { rows } = await client.query<{ n: number }>("SELECT $1::int * 1 AS n", [clientIndex * 1000 + i]);
            results.push(rows[0]!.n);
          }
          return results;
        }),
      );
      answers.forEach((results, clientIndex) => {
        expect(results).toEqual(Array.from({ length: 40 }, (_, i) => clientIndex * 1000 + i));
      });
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("keeps a client's open transaction to itself while others query", async () => {
    const [writer, reader] = [new pg.Client({ connectionString: served.url }), new pg.Client({ connectionString: served.url })];
    await Promise.all([writer.connect(), reader.connect()]);
    try {
      await writer.query("CREATE TABLE IF NOT EXISTS probe (n int)");
      await writer.query("BEGIN");
      await writer.query("INSERT INTO probe VALUES ($1)", [1]);
      const readAfterCommit = reader.query<{ count: string }>("SELECT count(*) AS count FROM probe");
      await writer.query("COMMIT");
      expect(Number((await readAfterCommit).rows[0]!.count)).toBe(1);
    } finally {
      await Promise.all([writer.end(), reader.end()]);
    }
  });
});
