import "server-only";
import WaitlistOffer from "@/emails/waitlist-offer";
import { REMOVED_LINK } from "@/lib/auth/emails";
import { hashToken } from "@/lib/auth/tokens";
import { findEmailByDedupeKey } from "@/lib/notifications/data";
import { formatEmailDateTime, formatEmailEnd, formatTimeZoneLabel } from "@/lib/notifications/format-email-time";
import { notificationSettings } from "@/lib/notifications/settings";
import { renderEmail, storeAndSendEmail, type EmailOutcome } from "@/lib/notifications/store-and-send-email";
import { getSalonSettings } from "@/lib/salon/data";
import { findOffer, offerDetails } from "./data";
import { issueOfferToken } from "./mutations";

export const WAITLIST_OFFER_KIND = "waitlist.offer";

/**
 * Emails one offer, once (dedupe key per offer). The link's token is minted here, on every attempt that
 * sends, and only its hash is stored: the email log keeps the email with the link removed, so the raw
 * link exists only in the recipient's own message.
 */
export async function deliverOfferEmail(offerId: string): Promise<EmailOutcome> {
  const dedupeKey = `${WAITLIST_OFFER_KIND}:${offerId}`;
  const existing = await findEmailByDedupeKey(dedupeKey);
  if (existing?.status === "SENT") return { status: "already-sent", emailId: existing.id };
  const offer = await findOffer(offerId);
  if (!offer || offer.status !== "OFFERED") return { status: "skipped" };

  const settings = notificationSettings();
  const [salon, names] = await Promise.all([getSalonSettings(), offerDetails(offer)]);
  const raw = await issueOfferToken(offer.id);
  if (!raw) return { status: "skipped" };
  const base = {
    customerName: offer.entry.customer.name,
    serviceName: names.serviceName,
    stylistName: names.stylistName,
    when: formatEmailDateTime(names.startsAt, salon),
    timezone: formatTimeZoneLabel(names.startsAt, salon),
    // A visit names every segment: what it is, with whom, from when to when.
    segments:
      names.segments.length > 1
        ? names.segments.map((segment) => ({
            serviceName: segment.serviceName,
            stylistName: segment.stylistName,
            when: `${formatEmailDateTime(segment.startsAt, salon)}–${formatEmailEnd(segment.startsAt, segment.endsAt, salon)}`,
          }))
        : [],
    salonName: salon.name,
    salonAddress: salon.address,
    holdUntil: offer.holdUntil ? formatEmailDateTime(offer.holdUntil, salon) : null,
    removedLink: REMOVED_LINK,
  };
  const subject = `A time opened: ${names.serviceName}, ${base.when}`;
  const [sent, logged] = await Promise.all([
    renderEmail(WaitlistOffer({ ...base, link: `${settings.appUrl}/waitlist/offer?token=${raw}` })),
    renderEmail(WaitlistOffer({ ...base, link: null })),
  ]);
  return storeAndSendEmail({
    dedupeKey,
    kind: WAITLIST_OFFER_KIND,
    to: offer.entry.customer.email,
    subject,
    sent,
    logged,
    idempotencyKey: `${dedupeKey}:${hashToken(raw)}`,
  });
}
