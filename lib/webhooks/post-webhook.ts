import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { guardedLookup } from "./address-guard";
import { RESPONSE_BODY_LIMIT_BYTES } from "./settings";

export type PostResult = { statusCode: number | null; responseBody: string | null; durationMs: number; error: string | null };

/**
 * One HTTP attempt: POST the signed body, never follow a redirect (a 3xx is a failed attempt: the
 * partner fixes the URL), read at most 4 KB of the answer, give up after `timeoutMs` in total. Never
 * throws; what went wrong is in `error`.
 */
export function postWebhook(args: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivateNetworks: boolean;
}): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(args.url);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = send(
      url,
      {
        method: "POST",
        headers: {
          ...args.headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(args.body),
          "user-agent": "PamperBook-Webhooks/1",
        },
        lookup: guardedLookup(args.allowPrivateNetworks),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const statusCode = response.statusCode ?? null;
          const responseBody = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT_BYTES).toString("utf8");
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          const redirect = statusCode !== null && statusCode >= 300 && statusCode < 400;
          const error = ok
            ? null
            : redirect
              ? `HTTP ${statusCode}: redirects are not followed (Location: ${response.headers.location ?? "none"})`
              : `HTTP ${statusCode}`;
          finish({ statusCode, responseBody, error });
          response.destroy();
        };
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_BODY_LIMIT_BYTES) done();
        });
        response.on("end", done);
        response.on("error", (error) => finish({ statusCode: response.statusCode ?? null, responseBody: null, error: error.message }));
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, responseBody: null, error: `timed out after ${args.timeoutMs} ms` });
      request.destroy();
    }, args.timeoutMs);
    request.on("error", (error) => finish({ statusCode: null, responseBody: null, error: error.message }));
    request.end(args.body);
  });
}
