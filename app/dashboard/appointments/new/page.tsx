import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/staff-session";
import { salonToday } from "@/lib/dashboard/clock";
import { listStaffOptions } from "@/lib/dashboard/data";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";
import { NewAppointmentForm } from "../../_components/new-appointment-form";

export const metadata: Metadata = { title: "New appointment" };

type Props = { searchParams: Promise<{ staff?: string; date?: string; time?: string }> };

export default async function NewAppointmentPage({ searchParams }: Props) {
  await requireStaff("/dashboard/appointments/new");
  const { staff, date, time } = await searchParams;
  const [services, stylists, salon] = await Promise.all([listActiveServices(), listStaffOptions(), getSalonSettings()]);
  const today = salonToday(salon.timezone);
  return (
    <>
      <Link href={`/dashboard?date=${date ?? today}`} className="text-sm font-semibold text-brand-700 underline">← Back to the calendar</Link>
      <h1 className="mb-4 mt-2 text-2xl font-bold text-stone-900">New appointment</h1>
      <NewAppointmentForm
        services={services.map((service) => ({ value: service.id, label: `${service.name} (${service.durationMinutes} min)` }))}
        staff={stylists.map((stylist) => ({ value: stylist.id, label: stylist.name }))}
        defaults={{ staffId: staff ?? stylists[0]?.id ?? "", date: date ?? today, time: time ?? "10:00" }}
      />
    </>
  );
}
