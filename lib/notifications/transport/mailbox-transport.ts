import { storeInLocalMailbox } from "../mutations";
import type { MailTransport } from "./mail-transport";

/**
 * The local mailbox, the development stand-in for Resend: "delivering" stores the email as sent, links
 * included, in its own table (MailboxMessage), read by `/dev/mailbox` and `npm run mailbox`. The email log
 * that staff read may hold a redacted copy (account emails lose their one-time link); this is the inbox.
 */
export const mailboxTransport: MailTransport = {
  name: "mailbox",
  async send(email) {
    await storeInLocalMailbox(email);
    return {};
  },
};
