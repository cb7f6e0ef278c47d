import { runMain } from "./lib/run-main";
import { runSeed } from "./lib/seed-runner";
import { withDatabase } from "./lib/with-database";

runMain(() => withDatabase((url) => runSeed(url, { force: process.argv.includes("--force") })));
