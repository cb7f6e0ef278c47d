import type { Metadata } from "next";
import Link from "next/link";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { buttonClass } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { can } from "@/lib/auth/permissions";
import { actorOf, requireUser } from "@/lib/auth/session";
import { listAppointments } from "@/lib/booking/data";
import { getSalonSettings } from "@/lib/salon/data";
import { loadCustomerWaitlist } from "@/lib/waitlist/data";
import { AppointmentList } from "./_components/appointment-list";
import { WaitlistSection } from "./_components/waitlist-section";
import { DeleteAccountForm } from "./_components/delete-account-form";

export const metadata: Metadata = { title: "My appointments" };

export default async function MyAppointmentsPage() {
  const user = await requireUser("/appointments");
  const actor = actorOf(user);
  const now = new Date();
  const [salon, upcoming, past, waitlist] = await Promise.all([
    getSalonSettings(),
    listAppointments(actor, { from: now, limit: 100 }),
    listAppointments(actor, { to: now, limit: 100 }),
    loadCustomerWaitlist(user.id, now),
  ]);
  return (
    <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
      <div className="mb-8 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-stone-900">My appointments</h1>
        <Link href="/book" className={buttonClass("primary")}>
          Book an appointment
        </Link>
      </div>
      {!user.emailConfirmed && (
        <p className="mb-6 rounded-xl border border-amber-300 bg-amber-50 p-4 text-stone-900">
          Please confirm your email address to book.{" "}
          <Link href="/verify-email" className="font-semibold text-brand-700 underline">
            Send the link again
          </Link>
        </p>
      )}
      <Section id="upcoming" title="Upcoming" className="mb-10" size="xl">
        <AppointmentList
          appointments={upcoming.items}
          salon={salon}
          empty={
            <>
              No upcoming appointments.{" "}
              <Link href="/book" className="font-semibold text-brand-700 underline">
                Book one now
              </Link>
              .
            </>
          }
        />
      </Section>
      <WaitlistSection salon={salon} offers={waitlist.offers} entries={waitlist.entries} />
      <Section id="past" title="Past" className="mb-10" size="xl">
        <AppointmentList appointments={[...past.items].reverse()} salon={salon} empty="Your past appointments will appear here." />
      </Section>
      <Section id="account" title="Your account" className="rounded-2xl border border-stone-200 bg-white p-5">
        <p className="mt-1 text-sm text-stone-700">
          Signed in as {user.name} ({user.email}).
        </p>
        <form action={signOutEverywhereAction} className="mt-4 flex flex-col items-start gap-2">
          <CheckboxField name="revokeApiKeys" label="Also revoke all my API keys" />
          <button type="submit" className={buttonClass("secondary")}>
            Sign out on every device
          </button>
        </form>
        {can(user.role, "account.ownData") && (
          <>
            <h3 className="mt-6 font-semibold text-stone-900">Your data</h3>
            <p className="mt-1 text-sm text-stone-700">
              <a href="/appointments/my-data.json" className="font-semibold text-brand-700 underline">
                Download everything we hold about you (JSON)
              </a>
              . Deleting your account removes your name, contact details, notes and patch tests; the salon keeps the dates, services and
              prices of your visits for its accounts, without anything that identifies you.
            </p>
            <DeleteAccountForm />
          </>
        )}
      </Section>
    </main>
  );
}
