import type { z } from "zod";
import type { Permission } from "../../lib/auth/permissions";
import { runMain } from "./run-main";
import { withDatabase } from "./with-database";

type OperatorCommand<T> = {
  /** Reads the command line; runs before any database is opened, so a typo fails at once. */
  parse(): T;
  /** What the OPERATOR principal must be allowed to do (checked in the permission table). */
  permission: Permission;
  /** The command itself; import app modules inside it, after DATABASE_URL is set. */
  run(args: T): Promise<void>;
};

/**
 * The frame of an operator command-line tool: parse the arguments, reach the database (the one
 * `npm run dev` serves, or a fresh embedded one), check the permission, run, disconnect the client, and
 * turn a failure into a one-line message with exit code 1.
 */
export function runOperatorCommand<T>({ parse, permission, run }: OperatorCommand<T>): void {
  runMain(async () => {
    const args = parse();
    await withDatabase(async (url) => {
      // Set before the app modules load: their database client reads DATABASE_URL once.
      process.env.DATABASE_URL = url;
      const { assertCan } = await import("@/lib/auth/permissions");
      assertCan("OPERATOR", permission);
      const { disconnectDatabase } = await import("@/lib/db");
      try {
        await run(args);
      } finally {
        await disconnectDatabase();
      }
    });
  });
}

/** Parses command-line values with `schema`; on failure, throws every message followed by the usage. */
export function parseCommandLineWith<S extends z.ZodType>(schema: S, input: unknown, usage: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((issue) => issue.message).join("; ")}\n${usage}`);
  return parsed.data;
}
