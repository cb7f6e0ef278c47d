import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new signing secret in the Standard Webhooks format: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export type SigningSecrets = { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null };

/**
 * The three Standard Webhooks headers, signed with the `standardwebhooks` package. While a rotated-out
 * secret is still in its overlap, its signature goes alongside the new one (space-separated, as the
 * specification allows), so a receiver holding either secret verifies the request.
 */
export function signatureHeaders(secrets: SigningSecrets, messageId: string, body: string, now: Date): Record<string, string> {
  const keys = [secrets.secret];
  if (secrets.previousSecret && secrets.previousSecretExpiresAt && secrets.previousSecretExpiresAt > now) keys.push(secrets.previousSecret);
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": keys.map((key) => new Webhook(key).sign(messageId, now, body)).join(" "),
  };
}
