import "server-only";
import { isAccountEmailKind } from "@/lib/auth/emails";
import { takeEmailRequestAllowance } from "@/lib/auth/mutations";
import { AppError, orNotFound } from "@/lib/errors";
import { feePaymentIdOf, resendFeeLinkEmail } from "@/lib/payments/deliver-fee-link-email";
import { rateLimitedMessage } from "@/lib/rate-limit/policies";
import { getEmailMessage } from "./data";
import { insertResendCopy } from "./mutations";
import { sendStoredEmail } from "./send-stored-email";
import { notificationSettings } from "./settings";
import { selectMailTransport } from "./transport/select-transport";

/**
 * Sends a logged email again, exactly as stored, through the current transport; returns the new log row's
 * id. Account emails are refused: their stored copy has no link, and a one-time link is never re-sent
 * by staff (the person asks for a new one). A fee's payment link is sent anew with a new link instead,
 * since the customer cannot ask for one themselves. Limited per recipient and per IP like the account
 * forms, so the button cannot flood a customer's inbox.
 */
export async function resendEmail(emailId: string, ip: string | null = null, now = new Date()): Promise<string> {
  const original = orNotFound(await getEmailMessage(emailId), "That email does not exist.");
  if (isAccountEmailKind(original.kind)) {
    throw new AppError("FORBIDDEN", "Account emails cannot be resent: the person can ask for a new link on the sign-in page.");
  }
  if (!(await takeEmailRequestAllowance("resend-email", original.to, ip, now))) throw new AppError("RATE_LIMITED", rateLimitedMessage(now));
  const feePaymentId = feePaymentIdOf(original.dedupeKey);
  if (feePaymentId) {
    const outcome = await resendFeeLinkEmail(feePaymentId);
    if (outcome.status === "skipped" || !outcome.emailId) {
      throw new AppError(
        "INVALID_TRANSITION",
        "This fee no longer waits for the customer (it was paid or it failed): there is no link to send.",
      );
    }
    return outcome.emailId;
  }
  const settings = notificationSettings();
  const transport = selectMailTransport(settings);
  const copy = await insertResendCopy(original, transport.name);
  try {
    await sendStoredEmail(copy, { transport, from: settings.emailFrom, idempotencyKey: `resend:${copy.id}` });
  } catch {
    throw new AppError("CONFLICT", "The email could not be sent; the log records why.");
  }
  return copy.id;
}
