import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { getSalonSettings } from "@/lib/salon/data";
import { formatSalonDateTime, formatSalonTime } from "@/lib/time/format-when";
import { JUST_TAKEN } from "@/lib/waitlist/book-offer";
import { findOfferByToken, offerDetails, type WaitlistOfferView } from "@/lib/waitlist/data";
import { BookOfferButton } from "../_components/book-offer-button";

export const metadata: Metadata = { title: "A time from the waitlist" };

type Props = { searchParams: Promise<{ token?: string }> };

function closedReason(offer: WaitlistOfferView, startsAt: Date, now: Date): string | null {
  if (offer.status === "BOOKED") return "You booked this time with this link already: it is on “My appointments”.";
  if (offer.status === "TAKEN") return JUST_TAKEN;
  if (startsAt <= now) return "This time has passed. You keep your place on the waitlist.";
  if (offer.holdUntil && offer.holdUntil <= now) return "Your hold on this time has ended and it went to the next person waiting.";
  return null;
}

/**
 * The page an offer email links to. Anyone holding the link sees the time; booking it needs the session
 * of the customer it was offered to (signing in brings them to "My appointments", where it waits too).
 */
export default async function WaitlistOfferPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const offer = token ? await findOfferByToken(token) : null;
  if (!offer) {
    return (
      <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold text-stone-900">This link is not valid</h1>
        <p className="mt-2 text-stone-700">Open the link from your latest waitlist email, or see your waitlist on “My appointments”.</p>
      </main>
    );
  }
  const now = new Date();
  const [salon, names, user] = await Promise.all([getSalonSettings(), offerDetails(offer), currentUser()]);
  const closed = closedReason(offer, names.startsAt, now);
  const visit = names.segments.length > 1;
  const theirs = user?.id === offer.entry.customerId;
  return (
    <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-8">
      <h1 className="text-2xl font-bold text-stone-900">{closed ? "This offer is closed" : "A time you were waiting for is free"}</h1>
      <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-2 text-stone-900">
        {visit ? (
          <>
            <dt className="text-stone-700">Services</dt>
            <dd>
              <ol aria-label="The visit's services, in order" className="flex flex-col gap-1">
                {names.segments.map((segment, i) => (
                  <li key={i}>
                    {i + 1} of {names.segments.length}: {segment.serviceName} with {segment.stylistName},{" "}
                    {formatSalonTime(segment.startsAt, salon)}–{formatSalonTime(segment.endsAt, salon)}
                  </li>
                ))}
              </ol>
            </dd>
          </>
        ) : (
          <>
            <dt className="text-stone-700">Service</dt>
            <dd>{names.serviceName}</dd>
            <dt className="text-stone-700">Stylist</dt>
            <dd>{names.stylistName}</dd>
          </>
        )}
        <dt className="text-stone-700">When</dt>
        <dd>{formatSalonDateTime(names.startsAt, salon)}</dd>
        {offer.holdUntil && !closed && (
          <>
            <dt className="text-stone-700">Held for you until</dt>
            <dd>{formatSalonDateTime(offer.holdUntil, salon)}</dd>
          </>
        )}
      </dl>
      <div className="mt-6">
        {closed ? (
          <p className="text-stone-900" role="status">
            {closed}
          </p>
        ) : theirs ? (
          <BookOfferButton offerId={offer.id} />
        ) : user ? (
          <p className="text-stone-900">This offer was made to another account. Sign out and sign in as the person it was sent to.</p>
        ) : (
          <div className="flex flex-col items-start gap-3">
            <p className="text-stone-900">
              Sign in with your password, or ask there for a sign-in link by email; the offer then waits on “My appointments”.
            </p>
            <Link href="/sign-in?callbackUrl=%2Fappointments%23waitlist" className={buttonClass("primary")}>
              Sign in to book it
            </Link>
          </div>
        )}
      </div>
    </main>
  );
}
