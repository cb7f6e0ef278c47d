import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type ServedPGlite = { url: string; port: number; stop: () => Promise<void> };

// The socket server multiplexes every client onto PGlite's one connection; this only caps client sockets.
const MAX_CLIENT_CONNECTIONS = 100;

/** Serves `pglite` over the Postgres wire protocol on 127.0.0.1 (port 0 = any free port). */
export async function servePGlite(pglite: PGlite, port = 0): Promise<ServedPGlite> {
  const host = "127.0.0.1";
  const server = new PGLiteSocketServer({ db: pglite, port, host, maxConnections: MAX_CLIENT_CONNECTIONS });
  await server.start();
  const boundPort = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgresql://postgres:postgres@${host}:${boundPort}/postgres?sslmode=disable`,
    port: boundPort,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
