import type { MailTransport } from "./mail-transport";

/**
 * The local mailbox: the EmailMessage row already holds everything (recipient, subject, html, text,
 * attachments), so "delivering" is marking it SENT — which the caller does for every transport. Local
 * users and the end-to-end tests read the mailbox with `npm run mailbox` or the dashboard.
 */
export const mailboxTransport: MailTransport = {
  name: "mailbox",
  async send() {
    return {};
  },
};
