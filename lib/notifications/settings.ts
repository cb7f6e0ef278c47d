import { mailTransportOf, parseServerEnv } from "@/lib/env";

/**
 * What the notification pipeline needs from the environment, decided once per process. Kept apart from
 * the shared `env()` cache so tests can switch transport or mode (`resetNotificationSettings()`) without
 * reloading every module.
 */
export type NotificationSettings = {
  /** "inngest" when an Inngest server is configured; otherwise handlers run in-process ("embedded"). */
  mode: "inngest" | "embedded";
  /** "worker": app instances leave the outbox to `npm run worker` instead of publishing after each response. */
  publisher: "request" | "worker";
  mailTransport: "resend" | "mailbox";
  appUrl: string;
  emailFrom: string;
  resend?: { apiKey: string; baseUrl?: string };
  sendTimeoutMs: number;
  alertWebhookUrl?: string;
};

let cached: NotificationSettings | undefined;

export function notificationSettings(): NotificationSettings {
  if (cached) return cached;
  const env = parseServerEnv(process.env);
  cached = {
    mode: env.INNGEST_EVENT_KEY || env.INNGEST_DEV ? "inngest" : "embedded",
    publisher: env.OUTBOX_PUBLISHER,
    mailTransport: mailTransportOf(env),
    appUrl: env.APP_URL.replace(/\/+$/, ""),
    emailFrom: env.EMAIL_FROM,
    resend: env.RESEND_API_KEY ? { apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL } : undefined,
    sendTimeoutMs: env.EMAIL_SEND_TIMEOUT_MS,
    alertWebhookUrl: env.ALERT_WEBHOOK_URL,
  };
  return cached;
}

/** Forgets the cached settings so the next call re-reads the environment (tests, operator scripts). */
export function resetNotificationSettings(): void {
  cached = undefined;
}
