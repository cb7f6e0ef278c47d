import { randomUUID } from "node:crypto";

// Accept a caller's id so their logs and ours line up, but only a short, printable one: the value is
// echoed in a header and written to logs, so anything else could be used for header or log injection.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFor(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
