import { createHash } from "node:crypto";
import {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  releaseIdempotencyRecord,
  type IdempotencyRow,
  type IdempotencyTx,
} from "@/lib/api/idempotency/mutations";
import { problemFromError } from "@/lib/api/problem";
import type { ApiResult } from "@/lib/api/result";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

export function idempotencyKeyOf(request: Request): string | undefined {
  const key = request.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!VALID_KEY.test(key)) {
    throw new AppError("BAD_REQUEST", "Idempotency-Key must be 1–255 printable ASCII characters.");
  }
  return key;
}

/** The fingerprint of a request: same method, path and body bytes → same hash. */
export function requestHash(request: Request, bodyText: string): string {
  const { pathname } = new URL(request.url);
  return createHash("sha256").update(`${request.method} ${pathname}\n${bodyText}`).digest("hex");
}

/**
 * How long an unfinished claim holds its key. Longer than any request can run (a booking waits at most
 * 15 s for a connection and runs at most 30 s), so only a claim whose request died is taken over.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 60;

/**
 * Lets the handler store its answer inside its own transaction, so that a request that dies after the
 * commit (before it could answer) still leaves the answer behind for the retry. Throws when the claim
 * was taken over meanwhile, which rolls that transaction back: only one of the two may commit.
 */
export type IdempotencyCompletion = { complete(tx: IdempotencyTx, result: ApiResult): Promise<void> };

/**
 * Runs `handle` at most once per (API key, Idempotency-Key). A repeat with the same body replays the
 * stored status and body; a different body is a client bug (422); a repeat while the first is still
 * running gets 409 rather than waiting, so no request holds a connection open on another's behalf.
 * Results with status < 500 are stored (a 409 "slot taken" is the answer to that request too) — by the
 * handler's own transaction when it uses `completion`, else here; an unexpected failure releases the
 * key, and a claim whose request died is released by its lease.
 */
export async function runIdempotently(
  apiKeyId: string,
  key: string,
  hash: string,
  handle: (completion: IdempotencyCompletion) => Promise<ApiResult>,
): Promise<ApiResult> {
  const expiresAt = new Date(Date.now() + env().API_IDEMPOTENCY_TTL_HOURS * 3_600_000);
  const claim = await claimIdempotencyKey(apiKeyId, key, hash, expiresAt, IDEMPOTENCY_LEASE_SECONDS);
  if (!claim.claimed) return replay(claim.existing, hash);
  const claimId = claim.id;
  const completion: IdempotencyCompletion = {
    async complete(tx, result) {
      if (!(await completeIdempotencyRecord(claimId, result, tx))) {
        throw new AppError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is still being processed.");
      }
    },
  };
  let result: ApiResult;
  try {
    result = await handle(completion);
  } catch (error) {
    // Expected failures (4xx) are answers too: storing them keeps retries consistent.
    const { problem } = problemFromError(error);
    if (problem.status >= 500) await releaseIdempotencyRecord(claimId);
    else await completeIdempotencyRecord(claimId, { status: problem.status, body: problem });
    throw error;
  }
  // A no-op when the handler's transaction already stored it.
  if (result.status >= 500) await releaseIdempotencyRecord(claimId);
  else await completeIdempotencyRecord(claimId, result);
  return result;
}

function replay(record: IdempotencyRow | null, hash: string): ApiResult {
  if (!record) throw new AppError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is still being processed.");
  if (record.requestHash !== hash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used with a different request body.");
  }
  if (!record.completedAt || record.responseStatus === null) {
    throw new AppError("IDEMPOTENCY_IN_FLIGHT", "A request with this Idempotency-Key is still being processed.");
  }
  return {
    status: record.responseStatus,
    body: record.responseBody,
    // The first answer's own headers too: a replayed 201 still says where the resource is and its ETag.
    headers: { ...storedHeaders(record.responseHeaders), "Idempotent-Replayed": "true" },
    problem: record.responseStatus >= 400,
  };
}

function storedHeaders(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
