import { startDevDatabase } from "../../scripts/lib/dev-database";

/**
 * `npm run dev`'s database without Next, for tests. It runs in a process of its own, as it does under
 * `npm run dev` (Next is a child process there): each client's protocol messages then reach the server in
 * reads of their own, which is how batches from different clients could interleave. Sends its parent the
 * URL over IPC and stops on SIGTERM.
 */
const database = await startDevDatabase({ fresh: false });
process.send?.({ url: database.url });
// Stay up until told to stop, as `npm run dev` does, also on PostgreSQL where no server keeps it alive.
process.channel?.ref();
process.once("SIGTERM", () => void database.stop().finally(() => process.exit(0)));
