import { env, InvalidEnvironmentError, type ServerEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Validates the environment once at start-up. A missing or malformed variable stops the process with a
 * message naming it, instead of surfacing as a 500 on the first request that happens to need it.
 */
export function validateEnvironmentOrExit(): ServerEnv {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    logger.fatal({ problems: error.problems }, error.message);
    // stderr as well: pino may be buffered or silenced (LOG_LEVEL=silent) and the operator must see why.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
