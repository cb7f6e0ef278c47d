import type { TokenPurpose } from "./tokens";

/**
 * The account emails: short, plain and with the link spelt out, so they read well in any mail client and
 * in the local mailbox. (Booking emails are React Email templates owned by notifications.)
 */
export type AuthEmail = { kind: string; subject: string; text: string; html: string };

/**
 * Account emails (kind `auth.…`; a future invitation too) carry a one-time link that is as good as the
 * account: only the transport ever sees the link, and staff never see these emails' content.
 */
export const ACCOUNT_EMAIL_KIND_PREFIX = "auth.";

export function isAccountEmailKind(kind: string): boolean {
  return kind.startsWith(ACCOUNT_EMAIL_KIND_PREFIX);
}

/** What the email log keeps in place of the link. */
export const REMOVED_LINK = "[link removed]";

const copy: Record<TokenPurpose, { kind: string; subject: string; intro: string; action: string; expiry: string }> = {
  "verify-email": {
    kind: "auth.verify-email",
    subject: "Confirm your email address",
    intro: "Welcome to Pamper Book! Please confirm this is your email address.",
    action: "Confirm my email",
    expiry: "The link works for 24 hours.",
  },
  "reset-password": {
    kind: "auth.reset-password",
    subject: "Reset your Pamper Book password",
    intro: "Someone (hopefully you) asked to reset the password of your Pamper Book account.",
    action: "Choose a new password",
    expiry: "The link works for one hour. If you did not ask for it, ignore this email: nothing changes.",
  },
  "sign-in-link": {
    kind: "auth.sign-in-link",
    subject: "Your Pamper Book sign-in link",
    intro: "Here is the link you asked for to sign in to Pamper Book without a password.",
    action: "Sign in",
    expiry: "The link works once, for 15 minutes. If you did not ask for it, ignore this email.",
  },
  invitation: {
    kind: "auth.invitation",
    subject: "You are invited to join the team on Pamper Book",
    intro: "The salon has invited you to its Pamper Book dashboard. Choose your name and a password to join.",
    action: "Join the team",
    expiry: "The link works once, for 7 days. If you were not expecting it, ignore this email.",
  },
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The email as sent (`link` set) or as logged (`link` null: the one-time link replaced by REMOVED_LINK). */
export function renderAuthEmail(purpose: TokenPurpose, name: string, link: string | null): AuthEmail {
  const { kind, subject, intro, action, expiry } = copy[purpose];
  const text = `Hello ${name},\n\n${intro}\n\n${action}: ${link ?? REMOVED_LINK}\n\n${expiry}\n\nPamper Book`;
  const button = link
    ? `<p><a href="${escapeHtml(link)}" style="background:#8f2457;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>
<p>Or paste this link into your browser:<br>${escapeHtml(link)}</p>`
    : `<p>${escapeHtml(action)}: ${REMOVED_LINK}</p>`;
  const html = `<!doctype html><html lang="en"><body style="font-family:sans-serif;color:#1c1917">
<p>Hello ${escapeHtml(name)},</p><p>${escapeHtml(intro)}</p>
${button}<p>${escapeHtml(expiry)}</p><p>Pamper Book</p></body></html>`;
  return { kind, subject, text, html };
}
