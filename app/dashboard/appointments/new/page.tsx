import type { Metadata } from "next";
import { namedOptions } from "@/components/dashboard/select-field";
import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/gates";
import { managesAppointment } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/session";
import { getCustomer, listCustomers, type Customer } from "@/lib/customers/data";
import { salonToday } from "@/lib/dashboard/clock";
import { listStaffOptions } from "@/lib/dashboard/data";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";
import { CustomerFinder } from "../../_components/customer-finder";
import { NewAppointmentForm } from "../../_components/new-appointment-form";

export const metadata: Metadata = { title: "New appointment" };

type Props = { searchParams: Promise<{ staff?: string; date?: string; time?: string; q?: string; customer?: string }> };

async function chosenCustomer(actor: Actor, id: string | undefined): Promise<Customer | null> {
  return id ? getCustomer(actor, id).catch(() => null) : null;
}

export default async function NewAppointmentPage({ searchParams }: Props) {
  const actor = actorOf(await requirePermission("dashboard.access", "/dashboard/appointments/new"));
  const { staff, date, time, q, customer: customerId } = await searchParams;
  const query = q?.trim().slice(0, 200) || undefined;
  const [services, allStylists, salon, matches, customer] = await Promise.all([
    listActiveServices(),
    listStaffOptions(),
    getSalonSettings(),
    query ? listCustomers(actor, { q: query, limit: 10 }) : Promise.resolve([]),
    chosenCustomer(actor, customerId),
  ]);
  // A stylist books into their own column only; the action checks again.
  const stylists = allStylists.filter((stylist) => managesAppointment(actor, { staffId: stylist.id }));
  const today = salonToday(salon.timezone);
  const keep = { staff: staff ?? stylists[0]?.id ?? "", date: date ?? today, time: time ?? "10:00" };
  return (
    <>
      <Link href={`/dashboard?date=${keep.date}`} className="text-sm font-semibold text-brand-700 underline">
        ← Back to the calendar
      </Link>
      <h1 className="mb-4 mt-2 text-2xl font-bold text-stone-900">New appointment</h1>
      <p className="mb-4 text-sm">
        <Link href="/dashboard/visits/new" className="font-semibold text-brand-700 underline">
          Book several services as one visit
        </Link>
      </p>
      <CustomerFinder q={query} matches={matches.slice(0, 10)} keep={keep} />
      <NewAppointmentForm
        key={customer?.id ?? "new"}
        services={services.map((service) => ({ value: service.id, label: `${service.name} (${service.durationMinutes} min)` }))}
        staff={namedOptions(stylists)}
        defaults={{
          staffId: keep.staff,
          date: keep.date,
          time: keep.time,
          ...(customer ? { customerName: customer.name, customerEmail: customer.email, customerPhone: customer.phone ?? "" } : {}),
        }}
      />
    </>
  );
}
