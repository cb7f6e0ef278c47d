import type { Metadata } from "next";
import Link from "next/link";
import { SelectField } from "@/components/dashboard/select-field";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { Section } from "@/components/ui/section";
import { requirePermission } from "@/lib/auth/gates";
import { managesAppointment } from "@/lib/auth/permissions";
import { actorOf } from "@/lib/auth/session";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";
import { salonToday } from "@/lib/dashboard/clock";
import { listStaffOptions } from "@/lib/dashboard/data";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";
import { ZLocalDate } from "@/lib/time/local-date";
import { visitStartsOnDay } from "@/lib/visits/data";
import { NewVisitForm } from "../../_components/new-visit-form";

export const metadata: Metadata = { title: "New visit" };

type Query = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Query> };

const all = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());

const buttonClass = "min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold";

/**
 * A walk-in's or caller's visit of several services. The services and stylists are chosen in a GET form
 * (adding and removing a row is a submit, so it all works before hydration); the visit's free starts on
 * the chosen day come from visit availability, and the booking form below books one of them.
 */
export default async function NewVisitPage({ searchParams }: Props) {
  const actor = actorOf(await requirePermission("dashboard.access", "/dashboard/visits/new"));
  const query = await searchParams;
  const [services, allStylists, salon] = await Promise.all([listActiveServices(), listStaffOptions(), getSalonSettings()]);
  // A stylist books into their own column only; the core checks again.
  const stylists = allStylists.filter((stylist) => managesAppointment(actor, { staffId: stylist.id }));
  const staffChoice = all(query.staff);
  let rows = all(query.service)
    .map((serviceId, i) => ({ serviceId, staffId: staffChoice[i] ?? "" }))
    .filter((row) => services.some((service) => service.id === row.serviceId));
  if (rows.length === 0 && services[0]) rows = [{ serviceId: services[0].id, staffId: "" }];
  const removed = Number(all(query.remove)[0]);
  if (Number.isInteger(removed) && rows.length > 1) rows = rows.filter((_, i) => i !== removed);
  if (all(query.add).length > 0 && rows.length < MAX_VISIT_SEGMENTS && services[0])
    rows = [...rows, { serviceId: services[0].id, staffId: "" }];
  const sameStylist = all(query.same)[0] === "on";
  const date = ZLocalDate.safeParse(all(query.date)[0]).data ?? salonToday(salon.timezone);
  const asked = all(query.show).length > 0;
  const serviceNames = new Map(services.map((service) => [service.id, service.name]));
  const offered =
    asked && rows.length > 0
      ? await visitStartsOnDay(
          { items: rows.map((row) => ({ serviceId: row.serviceId, staffId: row.staffId || null })), sameStylist, date },
          serviceNames,
        )
      : null;
  const serviceOptions = services.map((service) => ({ value: service.id, label: `${service.name} (${service.durationMinutes} min)` }));
  const staffOptions = [{ value: "", label: "Anyone" }, ...stylists.map((stylist) => ({ value: stylist.id, label: stylist.name }))];
  return (
    <>
      <Link href={`/dashboard?date=${date}`} className="text-sm font-semibold text-brand-700 underline">
        ← Back to the calendar
      </Link>
      <h1 className="mb-4 mt-2 text-2xl font-bold text-stone-900">New visit</h1>
      <p className="mb-4 max-w-2xl text-sm text-stone-700">
        Several services back to back, booked as one visit: all of them or none. For one service, use{" "}
        <Link href="/dashboard/appointments/new" className="font-semibold text-brand-700 underline">
          New appointment
        </Link>
        .
      </p>
      <Section id="visit-services" title="Services, in order" className="mb-6 max-w-2xl rounded-lg border border-stone-300 bg-white p-4">
        <form action="/dashboard/visits/new" className="flex flex-col gap-4">
          <ol className="flex flex-col gap-3">
            {rows.map((row, i) => (
              <li key={`${i}-${row.serviceId}`} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
                <SelectField
                  label={`Service ${i + 1}`}
                  name="service"
                  id={`visit-service-${i}`}
                  defaultValue={row.serviceId}
                  options={serviceOptions}
                />
                <SelectField
                  label={`Stylist for service ${i + 1}`}
                  name="staff"
                  id={`visit-staff-${i}`}
                  defaultValue={row.staffId}
                  options={staffOptions}
                />
                {rows.length > 1 ? (
                  <button type="submit" name="remove" value={i} className={buttonClass}>
                    Remove<span className="sr-only"> service {i + 1}</span>
                  </button>
                ) : (
                  <span />
                )}
              </li>
            ))}
          </ol>
          {rows.length < MAX_VISIT_SEGMENTS && (
            <button type="submit" name="add" value="1" className={`${buttonClass} self-start`}>
              Add another service
            </button>
          )}
          <CheckboxField label="One stylist for every service" name="same" defaultChecked={sameStylist} />
          <label className="flex flex-col text-sm font-medium text-stone-800 sm:max-w-xs">
            Day
            <input name="date" type="date" defaultValue={date} className="min-h-11 rounded-lg border border-stone-400 bg-white px-3" />
          </label>
          <button type="submit" name="show" value="1" className={`${buttonClass} self-start`}>
            Show free starts
          </button>
        </form>
      </Section>
      {offered && "problem" in offered && <p className="mb-4 max-w-2xl text-sm font-semibold text-red-800">{offered.problem}</p>}
      {offered && "starts" in offered && (
        <Section id="visit-booking" title={`Book the visit on ${date}`} className="max-w-2xl">
          <NewVisitForm
            key={`${date}-${rows.map((row) => `${row.serviceId}:${row.staffId}`).join(",")}-${sameStylist}`}
            items={rows}
            sameStylist={sameStylist}
            starts={offered.starts}
            defaults={{}}
          />
        </Section>
      )}
    </>
  );
}
