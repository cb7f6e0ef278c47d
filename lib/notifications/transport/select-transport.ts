import type { NotificationSettings } from "../settings";
import type { MailTransport } from "./mail-transport";
import { mailboxTransport } from "./mailbox-transport";
import { createResendTransport } from "./resend-transport";

let cached: { settings: NotificationSettings; transport: MailTransport } | undefined;

/** The transport the settings name (Resend or the local mailbox); one client per settings object. */
export function selectMailTransport(settings: NotificationSettings): MailTransport {
  if (cached?.settings === settings) return cached.transport;
  const transport =
    settings.mailTransport === "resend" && settings.resend
      ? createResendTransport({ ...settings.resend, timeoutMs: settings.sendTimeoutMs })
      : mailboxTransport;
  cached = { settings, transport };
  return transport;
}
