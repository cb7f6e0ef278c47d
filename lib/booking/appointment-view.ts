import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZAppointmentStatus, ZBookingSource, type TAppointmentStatus, type TBookingSource } from "./schema";

/**
 * The one shape in which the booking core hands out an appointment, to every entry point (web, dashboard,
 * API). Internal columns (blocked range, buffer snapshots, who cancelled) stay inside the core.
 */
export type AppointmentView = {
  id: string;
  status: TAppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  serviceId: string;
  service: { id: string; name: string };
  staffId: string;
  staff: { id: string; name: string };
  customerId: string;
  customer: { id: string; name: string; email: string };
  note: string | null;
  priceCents: number;
  currency: string;
  durationMinutes: number;
  source: TBookingSource;
  cancellationReason: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** The visit this appointment is a segment of (null only for rows written outside the booking core). */
  visitId: string | null;
};

/** What to select for a view: one definition, so every read and every mutation returns the same shape. */
export const appointmentViewSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  serviceId: true,
  service: { select: { id: true, name: true } },
  staffId: true,
  staff: { select: { id: true, name: true, staffProfile: { select: { displayName: true } } } },
  customerId: true,
  customer: { select: { id: true, name: true, email: true } },
  customerNote: true,
  priceCents: true,
  currency: true,
  durationMinutes: true,
  source: true,
  cancellationReason: true,
  cancelledAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  visitId: true,
} satisfies Prisma.AppointmentSelect;

export type AppointmentViewRow = Prisma.AppointmentGetPayload<{ select: typeof appointmentViewSelect }>;

export function toAppointmentView(row: AppointmentViewRow): AppointmentView {
  const { customerNote, staff, ...rest } = row;
  return {
    ...rest,
    note: customerNote,
    // The salon presents stylists by their display name; the account name is the fallback.
    staff: { id: staff.id, name: staff.staffProfile?.displayName ?? staff.name },
  };
}

/** A view from a raw row with flat columns (prisma/sql/listAppointments.sql), checked at the edge. */
export const ZAppointmentViewRow = z
  .object({
    id: z.string(),
    status: ZAppointmentStatus,
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    serviceId: z.string(),
    serviceName: z.string(),
    staffId: z.string(),
    staffName: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    customerEmail: z.string(),
    customerNote: z.string().nullable(),
    priceCents: z.number().int(),
    currency: z.string(),
    durationMinutes: z.number().int(),
    source: ZBookingSource,
    cancellationReason: z.string().nullable(),
    cancelledAt: z.coerce.date().nullable(),
    createdAt: z.coerce.date(),
    updatedAt: z.coerce.date(),
    version: z.number().int(),
    visitId: z.string().nullable(),
  })
  .transform(({ serviceName, staffName, customerName, customerEmail, customerNote, ...row }): AppointmentView => ({
    ...row,
    service: { id: row.serviceId, name: serviceName },
    staff: { id: row.staffId, name: staffName },
    customer: { id: row.customerId, name: customerName, email: customerEmail },
    note: customerNote,
  }));
