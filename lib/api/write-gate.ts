import { env } from "@/lib/env";

/**
 * A bulkhead for appointment writes. A burst (a partner retrying, 100 clients racing for one slot) would
 * otherwise open more transactions than the connection pool holds; the excess waits inside Prisma and
 * fails with a transaction timeout (a 500) instead of the 409 it deserves. Here the excess waits in a
 * cheap in-process queue and enters the database a few at a time, leaving connections for reads.
 */
let active = 0;
const waiting: Array<() => void> = [];

// Set API_WRITE_CONCURRENCY=1 on the embedded database (PGlite): it runs one transaction at a time, so
// more only makes transactions queue for BEGIN inside Prisma, where a timeout is a 500.
function capacity(): number {
  const { API_WRITE_CONCURRENCY, DATABASE_POOL_SIZE } = env();
  return API_WRITE_CONCURRENCY ?? Math.max(1, Math.floor(DATABASE_POOL_SIZE / 2));
}

export async function throughWriteGate<T>(work: () => Promise<T>): Promise<T> {
  if (active >= capacity()) await new Promise<void>((resolve) => waiting.push(resolve));
  else active++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (active stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}
