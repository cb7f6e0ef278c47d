import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const SECRET_FILE = ".data/auth-secret";

/**
 * Auth.js refuses to run without AUTH_SECRET. For local runs we make one on first start and keep it in
 * the git-ignored .data/ folder, so sign-ins survive restarts and nobody has to invent a secret to try the
 * app. Production sets AUTH_SECRET itself (lib/env.ts requires it there).
 */
export function localAuthSecret(): string {
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(SECRET_FILE), { recursive: true });
  writeFileSync(SECRET_FILE, secret, { mode: 0o600 });
  return secret;
}
