import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeIdCursor, encodeIdCursor, pageOf } from "@/lib/cursor";
import { requireIfMatch, requireIfMatchVersion } from "@/lib/api/etag";
import { problemFromError } from "@/lib/api/problem";
import { MAX_BODY_BYTES, parseJsonText, readJsonBodyText } from "@/lib/api/read-body";
import { requestIdFor } from "@/lib/api/request-id";
import { validate } from "@/lib/api/validate";
import { generateApiKey, hashApiKey, lookupPrefixOf } from "@/lib/api-keys/secret";
import { AppError } from "@/lib/errors";

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/x", { method: "POST", headers, body });

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("API key secrets", () => {
  it("are pb_ + 43 base62 characters, distinct, with a lookup prefix and a SHA-256 hash", () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    expect(new Set(keys.map((k) => k.key)).size).toBe(200);
    for (const { key, prefix, hashedKey } of keys) {
      expect(key).toMatch(/^pb_[0-9A-Za-z]{43}$/);
      expect(prefix).toBe(key.slice(0, 11));
      expect(hashedKey).toBe(hashApiKey(key));
      expect(hashedKey).toMatch(/^[0-9a-f]{64}$/);
      expect(hashApiKey(`${key.slice(0, -1)}!`)).not.toBe(hashedKey);
    }
  });

  it("refuse malformed keys before any lookup", () => {
    for (const bad of ["", "pb_", "pb_short", `sk_${"a".repeat(43)}`, `pb_${"a".repeat(42)}!`, `pb_${"a".repeat(44)}`]) {
      expect(lookupPrefixOf(bad)).toBeUndefined();
    }
  });
});

describe("problems", () => {
  it("carry an AppError's code and field errors, and hide unexpected errors", () => {
    expect(problemFromError(new AppError("SLOT_UNAVAILABLE", "taken")).problem).toMatchObject({
      status: 409,
      code: "SLOT_UNAVAILABLE",
      detail: "taken",
      title: "Slot Unavailable",
    });
    const hidden = problemFromError(new Error("password=hunter2 at db.ts:12")).problem;
    expect(hidden).toMatchObject({ status: 500, code: "INTERNAL" });
    expect(hidden.detail).not.toContain("hunter2");
  });
});

describe("request bodies", () => {
  it("415 for non-JSON, 413 by Content-Length or by bytes read, 400 for bad JSON, empty is undefined", async () => {
    expect((await thrown(readJsonBodyText(post("{}", { "content-type": "text/plain" })))).status).toBe(415);
    expect(
      (await thrown(readJsonBodyText(post("{}", { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) }))))
        .status,
    ).toBe(413);
    expect((await thrown(readJsonBodyText(post(`"${"x".repeat(MAX_BODY_BYTES)}"`)))).status).toBe(413);
    expect(await readJsonBodyText(post("{}", { "content-type": "application/merge-patch+json" }))).toBe("{}");
    expect(() => parseJsonText("{")).toThrow(AppError);
    expect(parseJsonText("")).toBeUndefined();
  });

  it("names unknown fields and nested paths in 422s", () => {
    const schema = z.strictObject({ a: z.number(), b: z.strictObject({ c: z.string() }) });
    try {
      validate(schema, { a: "x", b: { c: 1, d: 2 }, e: 3 });
      expect.unreachable();
    } catch (error) {
      const apiError = error as AppError;
      expect(apiError.status).toBe(422);
      expect(apiError.fieldErrors).toEqual(
        expect.arrayContaining([
          { path: "e", message: "Unknown field" },
          { path: "b.d", message: "Unknown field" },
          expect.objectContaining({ path: "a" }),
          expect.objectContaining({ path: "b.c" }),
        ]),
      );
    }
  });
});

describe("ETags and cursors", () => {
  const withIfMatch = (value?: string) =>
    new Request("http://localhost/x", { method: "PATCH", headers: value ? { "if-match": value } : {} });

  it("parse If-Match: 428 when missing, weak or strong tags, * for any, 412 for a non-version", () => {
    expect(() => requireIfMatch(withIfMatch())).toThrow(expect.objectContaining({ status: 428 }));
    expect(requireIfMatchVersion(withIfMatch('"3"'))).toBe(3);
    expect(requireIfMatchVersion(withIfMatch('W/"3"'))).toBe(3);
    expect(requireIfMatchVersion(withIfMatch("*"))).toBeUndefined();
    expect(() => requireIfMatchVersion(withIfMatch('"abc"'))).toThrow(expect.objectContaining({ status: 412 }));
    expect(() => requireIfMatch(withIfMatch("3"))).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("round-trip cursors and reject forged ones", () => {
    expect(decodeIdCursor(encodeIdCursor("abc"))).toBe("abc");
    expect(() => decodeIdCursor("not-a-cursor")).toThrow(expect.objectContaining({ status: 422 }));
    const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(pageOf(rows, 2)).toEqual({ items: rows.slice(0, 2), nextCursor: encodeIdCursor("b") });
    expect(pageOf(rows, 3).nextCursor).toBeNull();
  });
});

describe("request ids", () => {
  it("accept safe incoming ids only", () => {
    const withId = (id: string) => new Request("http://localhost/x", { headers: { "x-request-id": id } });
    expect(requestIdFor(withId("abc-12345"))).toBe("abc-12345");
    expect(requestIdFor(withId("short"))).not.toBe("short");
    expect(requestIdFor(withId("x".repeat(200)))).toHaveLength(36);
  });
});
