import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/ui/section";
import { actorOf } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/gates";
import { can, VIEW_CUSTOMERS } from "@/lib/auth/permissions";
import { listAppointments, MAX_LIST_LIMIT } from "@/lib/booking/data";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { getCustomer, listCustomerStaffNotes } from "@/lib/customers/data";
import { statusStyles } from "@/lib/dashboard/labels";
import { orNotFoundPage } from "@/lib/or-not-found-page";
import { getSalonSettings } from "@/lib/salon/data";
import { getAccountState } from "@/lib/team/data";
import { StaffNoteList } from "../../_components/staff-note-list";
import { AccountStateForm } from "../../_components/team-forms";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission(VIEW_CUSTOMERS, `/dashboard/customers/${id}`);
  const actor = actorOf(user);
  const [customer, appointments, notes, salon, account] = await Promise.all([
    orNotFoundPage(getCustomer(actor, id)),
    listAppointments(actor, { customerId: id, limit: MAX_LIST_LIMIT }),
    listCustomerStaffNotes(actor, id),
    getSalonSettings(),
    can(user.role, "team.manage") ? getAccountState(id) : null,
  ]);
  const noShows = appointments.items.filter((item) => item.status === "NO_SHOW").length;
  return (
    <div className="max-w-4xl">
      <Link href="/dashboard/customers" className="text-sm font-semibold text-brand-700 underline">
        ← Customers
      </Link>
      <h1 className="mt-2 text-2xl font-bold text-stone-900">{customer.name}</h1>
      <p className="text-sm text-stone-700">
        {customer.email}
        {customer.phone ? ` · ${customer.phone}` : ""}
      </p>
      <p className="mt-2 text-sm">
        <span className="font-semibold">No-shows:</span> {noShows} of {appointments.items.length} appointments
      </p>

      {account && (
        <Section id="account" title="Account" className="mt-6">
          <p className="mb-2 text-sm">
            {account.disabledAt
              ? `Disabled since ${formatSalonDateTime(account.disabledAt, salon.timezone)}: they cannot sign in and their API keys are revoked.`
              : "Active."}
          </p>
          <AccountStateForm userId={account.id} name={customer.name} disabled={account.disabledAt !== null} />
        </Section>
      )}

      <Section id="history" title="Appointments" className="mt-6">
        <ul className="flex flex-col gap-2">
          {appointments.items.map((item) => (
            <li key={item.id} className="rounded-lg border border-stone-300 bg-white p-3 text-sm">
              <Link href={`/dashboard/appointments/${item.id}`} className="font-semibold text-brand-700 underline">
                {formatSalonDateTime(item.startsAt, salon.timezone)} — {item.service.name} with {item.staff.name}
              </Link>{" "}
              <span className={`rounded px-1.5 font-semibold ${statusStyles[item.status].badge}`}>
                <span aria-hidden>{statusStyles[item.status].icon} </span>
                {statusStyles[item.status].label}
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="notes" title="Staff notes" className="mt-6">
        <StaffNoteList notes={notes} timeZone={salon.timezone} empty="No notes yet — add them on an appointment." />
      </Section>
    </div>
  );
}
