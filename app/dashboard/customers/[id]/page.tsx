import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { Toast } from "@/components/ui/toast";
import { actorOf } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/gates";
import { can, VIEW_CUSTOMERS } from "@/lib/auth/permissions";
import { listAppointments, MAX_LIST_LIMIT } from "@/lib/booking/data";
import { CONSENT_SOURCES } from "@/lib/customers/schema";
import { formatPrice } from "@/lib/format";
import { formatSalonDate, formatSalonDateTime, salonLocalDate } from "@/lib/time/format-when";
import { getCustomerProfile, listCustomerNotes, listCustomerStaffNotes } from "@/lib/customers/data";
import { statusStyles } from "@/lib/dashboard/labels";
import { orNotFoundPage } from "@/lib/or-not-found-page";
import { listPatchTests } from "@/lib/patch-tests/data";
import { PATCH_TEST_RESULT_LABELS } from "@/lib/patch-tests/schema";
import { PATCH_TEST_MIN_HOURS_BEFORE } from "@/lib/patch-tests/validity";
import { getSalonSettings } from "@/lib/salon/data";
import { getAccountState } from "@/lib/team/data";
import { CustomerContactForm, CustomerNoteForm, MarketingConsentForm, PatchTestForm } from "../../_components/customer-profile-forms";
import { StaffNoteList } from "../../_components/staff-note-list";
import { AccountStateForm } from "../../_components/team-forms";

export const metadata: Metadata = { title: "Customer" };

const notices: Record<string, string> = {
  "contact-saved": "Contact details saved.",
  "email-changed": "Contact details saved. The customer must confirm the new email address; we sent them a link.",
  "consent-saved": "Marketing consent recorded.",
  "note-added": "Note added.",
  "patch-test-recorded": "Patch test recorded.",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function CustomerPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission(VIEW_CUSTOMERS, `/dashboard/customers/${id}`);
  const actor = actorOf(user);
  const [{ notice }, customer, appointments, appointmentNotes, salon, account] = await Promise.all([
    searchParams,
    orNotFoundPage(getCustomerProfile(actor, id)),
    listAppointments(actor, { customerId: id, limit: MAX_LIST_LIMIT }),
    listCustomerStaffNotes(actor, id),
    getSalonSettings(),
    can(user.role, "team.manage") ? getAccountState(id) : null,
  ]);
  const [customerNotes, patchTests] = await Promise.all([listCustomerNotes(id), listPatchTests(id)]);
  const now = new Date();
  const upcoming = appointments.items.filter((item) => item.startsAt >= now && item.status === "BOOKED");
  const past = appointments.items.filter((item) => !upcoming.includes(item)).reverse();
  const spend =
    customer.spend.map((row) => formatPrice(row.cents, row.currency, salon.locale)).join(" + ") ||
    formatPrice(0, salon.currency.trim(), salon.locale);
  const visitList = (items: typeof appointments.items, empty: string) =>
    items.length === 0 ? (
      <p className="text-sm text-stone-700">{empty}</p>
    ) : (
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <li key={item.id} className="rounded-lg border border-stone-300 bg-white p-3 text-sm">
            <Link href={`/dashboard/appointments/${item.id}`} className="font-semibold text-brand-700 underline">
              {formatSalonDateTime(item.startsAt, salon)} — {item.service.name} with {item.staff.name}
            </Link>{" "}
            <span className={`rounded px-1.5 font-semibold ${statusStyles[item.status].badge}`}>
              <span aria-hidden>{statusStyles[item.status].icon} </span>
              {statusStyles[item.status].label}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="max-w-4xl">
      <Toast key={notice} message={notice ? notices[notice] : undefined} />
      <Link href="/dashboard/customers" className="text-sm font-semibold text-brand-700 underline">
        ← Customers
      </Link>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">{customer.name}</h1>
      <p className="text-sm text-stone-700">
        {customer.email}
        {customer.emailVerified ? "" : " (not confirmed)"}
        {customer.phone ? ` · ${customer.phone}` : ""}
      </p>
      <dl className="mt-3 grid max-w-2xl grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {[
          ["Spend (completed)", spend],
          ["Completed visits", String(customer.completed)],
          ["No-shows", String(customer.noShows)],
          ["Cancelled", String(customer.cancelled)],
        ].map(([term, value]) => (
          <div key={term} className="rounded-lg border border-stone-300 bg-white p-2">
            <dt className="text-stone-700">{term}</dt>
            <dd className="font-semibold text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm">
        <span className="font-semibold">Marketing email: </span>
        {customer.marketingConsentAt
          ? `consent given ${formatSalonDateTime(customer.marketingConsentAt, salon)}, ${CONSENT_SOURCES[customer.marketingConsentSource as keyof typeof CONSENT_SOURCES]?.toLowerCase() ?? customer.marketingConsentSource}.`
          : "no consent on record."}
      </p>

      {customer.anonymisedAt && (
        <p className="mt-3 text-sm">
          This customer deleted their account; their visits stay in the salon&apos;s books without personal details.
        </p>
      )}

      {account && (
        <Section id="account" title="Account" className="mt-6">
          <p className="mb-2 text-sm">
            {account.disabledAt
              ? `Disabled since ${formatSalonDateTime(account.disabledAt, salon)}: they cannot sign in and their API keys are revoked.`
              : "Active."}
          </p>
          <AccountStateForm userId={account.id} name={customer.name} disabled={account.disabledAt !== null} />
        </Section>
      )}

      <Section id="upcoming" title="Upcoming visits" className="mt-6">
        {visitList(upcoming, "No upcoming visits.")}
      </Section>
      <Section id="history" title="Past visits" className="mt-6">
        {visitList(past, "No past visits.")}
      </Section>

      <Section id="patch-tests" title="Patch tests" className="mt-6">
        <p className="mb-2 text-sm text-stone-700">
          A negative test counts for colour services from {PATCH_TEST_MIN_HOURS_BEFORE} hours to {salon.patchTestMaxAgeMonths} months before
          the appointment.
        </p>
        {patchTests.length === 0 ? (
          <p className="mb-3 text-sm text-stone-700">No patch tests on record.</p>
        ) : (
          <ul className="mb-3 flex flex-col gap-2">
            {patchTests.map((test) => (
              <li key={test.id} className="rounded border border-stone-200 bg-white p-2 text-sm">
                {formatSalonDateTime(test.testedAt, salon)} — {test.product}: {PATCH_TEST_RESULT_LABELS[test.result]}. Recorded by{" "}
                {test.recordedBy}.
              </li>
            ))}
          </ul>
        )}
        {can(user.role, "patchTest.record") && !customer.anonymisedAt && (
          <PatchTestForm customerId={customer.id} today={salonLocalDate(now, salon.timezone)} />
        )}
      </Section>

      <Section id="notes" title="Notes about the customer" className="mt-6">
        <StaffNoteList notes={customerNotes} salon={salon} empty="No notes about the customer yet." className="mb-3" />
        {can(user.role, "customer.notes") && !customer.anonymisedAt && <CustomerNoteForm customerId={customer.id} />}
      </Section>

      <Section id="appointment-notes" title="Notes on their appointments" className="mt-6">
        <StaffNoteList notes={appointmentNotes} salon={salon} empty="No notes yet — add them on an appointment." />
      </Section>

      {can(user.role, "customer.editContact") && !customer.anonymisedAt && (
        <>
          <Section id="contact" title="Contact details" className="mt-6">
            <CustomerContactForm customer={customer} />
          </Section>
          <Section id="consent" title="Marketing consent" className="mt-6">
            <MarketingConsentForm customerId={customer.id} given={customer.marketingConsentAt !== null} />
          </Section>
        </>
      )}
      <p className="mt-6 text-xs text-stone-700">Customer since {formatSalonDate(customer.createdAt, salon)}.</p>
    </div>
  );
}
