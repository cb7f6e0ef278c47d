import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The raw body text of a JSON request, or "" when there is none. Content-Length is checked first (cheap
 * refusal), then the bytes actually read, because a chunked upload or a lying header has no trustworthy
 * length.
 */
export async function readJsonBodyText(request: Request): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const text = await readLimited(request.body);
  if (text.trim() === "") return "";
  const contentType = request.headers.get("content-type") ?? "";
  if (!isJsonContentType(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the body as application/json (got "${contentType || "none"}").`);
  }
  return text;
}

export function isJsonContentType(contentType: string): boolean {
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

async function readLimited(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

function tooLarge(): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
}

/** Parses JSON text; `undefined` for an empty body so schemas can say whether a body is required. */
export function parseJsonText(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED_JSON", "The body is not valid JSON.");
  }
}
