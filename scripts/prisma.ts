import { runPrisma } from "./lib/prisma-cli";
import { runMain } from "./lib/run-main";
import { withDatabase } from "./lib/with-database";

// `npm run prisma -- <command>`: the Prisma CLI against DATABASE_URL or the embedded database.
runMain(() => withDatabase((url) => runPrisma(process.argv.slice(2), url)));
