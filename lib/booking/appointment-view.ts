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

/**
 * A view from a raw row with flat columns (prisma/sql/listAppointments.sql), checked at the edge. The raw
 * layer already returns timestamps as Dates, so the dates are checked, not coerced (a copy per field), and
 * the view is spelled out field by field: a rest pattern over this many keys took V8's slow path and was
 * most of the list page's parsing time (measured in docs/PERFORMANCE.md).
 */
export const ZAppointmentViewRow = z
  .object({
    id: z.string(),
    status: ZAppointmentStatus,
    startsAt: z.date(),
    endsAt: z.date(),
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
    cancelledAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: z.number().int(),
    visitId: z.string().nullable(),
  })
  .transform((row): AppointmentView => ({
    id: row.id,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    serviceId: row.serviceId,
    service: { id: row.serviceId, name: row.serviceName },
    staffId: row.staffId,
    staff: { id: row.staffId, name: row.staffName },
    customerId: row.customerId,
    customer: { id: row.customerId, name: row.customerName, email: row.customerEmail },
    note: row.customerNote,
    priceCents: row.priceCents,
    currency: row.currency,
    durationMinutes: row.durationMinutes,
    source: row.source,
    cancellationReason: row.cancellationReason,
    cancelledAt: row.cancelledAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    visitId: row.visitId,
  }));
