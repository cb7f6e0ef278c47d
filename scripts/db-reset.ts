import { runPrisma } from "./lib/prisma-cli";
import { runMain } from "./lib/run-main";
import { runSeed } from "./lib/seed-runner";
import { withDatabase } from "./lib/with-database";

// Drops everything, re-applies every migration and seeds the demo salon again.
runMain(() =>
  withDatabase(async (url) => {
    await runPrisma(["migrate", "reset", "--force"], url);
    await runSeed(url, { force: process.argv.includes("--force") });
  }),
);
