import { runPrisma as runPrismaJs } from "../prisma/cli.mjs";

/** Runs the Prisma CLI (with the offline schema engine) against `databaseUrl`; rejects on a non-zero exit. */
export async function runPrisma(args: string[], databaseUrl: string): Promise<void> {
  const code = await runPrismaJs(args, { env: { ...process.env, DATABASE_URL: databaseUrl } });
  if (code !== 0) throw new Error(`prisma ${args.join(" ")} failed (exit code ${code})`);
}
