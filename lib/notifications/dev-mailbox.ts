import { notificationSettings } from "./settings";

/**
 * `/dev/mailbox` shows raw emails, one-time links included, to whoever opens it: it exists only on a
 * development machine whose email goes to the local mailbox. Production never has it, even with
 * MAIL_TRANSPORT=mailbox (there the CLI, run by an operator with database access, is the way in).
 */
export function isDevMailboxEnabled(): boolean {
  return process.env.NODE_ENV !== "production" && notificationSettings().mailTransport === "mailbox";
}

/** The links in an email's text, in order, for the mailbox page to make clickable. */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}
