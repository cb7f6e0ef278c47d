import type { Metadata } from "next";
import { SelectField } from "@/components/dashboard/select-field";
import { RowButtonForm } from "@/components/forms/row-button-form";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { TextField } from "@/components/ui/text-field";
import { requirePermission } from "@/lib/auth/gates";
import { actorOf } from "@/lib/auth/session";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";
import { listStaff } from "@/lib/staff/data";
import { formatSalonDate, salonLocalDate } from "@/lib/time/format-when";
import { ZLocalDate } from "@/lib/time/local-date";
import { MAX_VISIT_SEGMENTS } from "@/lib/booking/visit-availability";
import { staffAddToWaitlistAction, staffRemoveFromWaitlistAction } from "@/lib/waitlist/actions";
import { listWaitlistEntries } from "@/lib/waitlist/data";
import { ZMinuteWindow } from "@/lib/waitlist/schema";
import { describeWindows } from "@/lib/waitlist/windows";
import { JoinWaitlistForm } from "@/app/waitlist/_components/join-waitlist-form";

export const metadata: Metadata = { title: "Waitlist" };

// A phone request may be for a visit of several services, as a customer's own entry may.
const FURTHER_SERVICE_LABELS = [
  "Second service (optional)",
  "Third service (optional)",
  "Fourth service (optional)",
  "Fifth service (optional)",
].slice(0, MAX_VISIT_SEGMENTS - 1);

type Props = { searchParams: Promise<{ date?: string }> };

/** Who waits for a day (phone requests are added here); freed times are offered to them automatically. */
export default async function WaitlistPage({ searchParams }: Props) {
  const user = await requirePermission("waitlist.manageAny", "/dashboard/waitlist");
  const salon = await getSalonSettings();
  const requested = ZLocalDate.safeParse((await searchParams).date);
  const date = requested.success ? requested.data : salonLocalDate(new Date(), salon.timezone);
  const [{ items }, services, staff] = await Promise.all([
    listWaitlistEntries(actorOf(user), { date, status: "ACTIVE", limit: 100 }),
    listActiveServices(),
    listStaff({ includeInactive: true, limit: 100 }),
  ]);
  const serviceName = new Map(services.map((service) => [service.id, service.name]));
  const serviceOptions = services.map((service) => ({ value: service.id, label: service.name }));
  const stylists = new Map(staff.map((member) => [member.id, member.name]));
  return (
    <>
      <PageHeader title="Waitlist" />
      <form action="/dashboard/waitlist" className="mb-4 flex items-end gap-2">
        <TextField label="Day" type="date" name="date" defaultValue={date} />
        <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold">
          Show
        </button>
      </form>
      <Section id="waiting" title={`Waiting for ${formatSalonDate(new Date(`${date}T12:00:00Z`), salon)}`} className="mb-8">
        <DataTable
          caption="Active waitlist entries covering this day, oldest first"
          rows={items}
          empty="Nobody is waiting for this day."
          columns={[
            { header: "Customer", cell: (entry) => `${entry.customer.name} (${entry.customer.email})` },
            { header: "Service", cell: (entry) => entry.serviceIds.map((id) => serviceName.get(id) ?? "").join(", ") },
            { header: "Stylist", cell: (entry) => (entry.staffId ? (stylists.get(entry.staffId) ?? "") : "Anyone") },
            {
              header: "Dates",
              cell: (entry) => (entry.fromDate === entry.toDate ? entry.fromDate : `${entry.fromDate} to ${entry.toDate}`),
            },
            { header: "Times", cell: (entry) => describeWindows(ZMinuteWindow.array().parse(entry.windows)) },
            {
              header: "Actions",
              hideHeader: true,
              cell: (entry) => (
                <RowButtonForm action={staffRemoveFromWaitlistAction} fields={{ entryId: entry.id }} label="Remove" variant="secondary" />
              ),
            },
          ]}
        />
      </Section>
      <Section id="add" title="Add a customer (phone requests)" className="max-w-2xl">
        <JoinWaitlistForm action={staffAddToWaitlistAction} fields={{}} defaults={{ from: date, to: date }}>
          <TextField label="Customer's email" type="email" name="customerEmail" autoComplete="off" />
          <SelectField label="Service" name="serviceId" options={serviceOptions} />
          {/* A visit's further services, in order: the same `also` the booking flow posts. */}
          {FURTHER_SERVICE_LABELS.map((label, index) => (
            <SelectField
              key={label}
              id={`field-also-${index}`}
              label={label}
              name="also"
              options={[{ value: "", label: "None" }, ...serviceOptions]}
            />
          ))}
          <SelectField
            label="Stylist"
            name="staffId"
            options={[{ value: "", label: "Anyone" }, ...[...stylists].map(([value, label]) => ({ value, label }))]}
          />
        </JoinWaitlistForm>
      </Section>
    </>
  );
}
