import "server-only";
import { db } from "@/lib/db";

const DATABASE_CHECK_TIMEOUT_MS = 2_000;

/** True when the database answers a trivial query within a short timeout. */
export async function isDatabaseReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
