import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/parse-input";
import { appointmentViewSelect, toAppointmentView, type AppointmentView } from "@/lib/booking/appointment-view";
import {
  assertServiceBookable,
  assertStylistBookable,
  availabilitySettingsOf,
  serviceOf,
  type BookableService,
  type SalonAndServiceRow,
  type StaffScheduleRow,
} from "@/lib/booking/availability-input";
import { availabilityAnswer, loadBookingContext, visibleTo, type AvailabilityAnswer, type QueryClient } from "@/lib/booking/data";
import type { InstantRange } from "@/lib/booking/intervals";
import type { PatchTestFacts } from "@/lib/patch-tests/booking-rule";
import type { PaymentPolicy } from "@/lib/payments/deposit-policy";
import { computeVisitAvailability, type VisitAvailabilityInput, type VisitServiceTiming } from "@/lib/booking/visit-availability";
import { ZVisitAvailabilityQuery, type TVisitAvailabilityQuery, type TVisitItem } from "./schema";
import { addDays, formatLocalTime, startOfLocalDay } from "@/lib/time/zoned";
import { toVisitView, type VisitView } from "./visit-view";

const MINUTE_MS = 60_000;

export type VisitService = BookableService & VisitServiceTiming;

/** Everything the visit rules read: per item its service, who may do it and its patch-test facts. */
export type VisitContext = {
  salon: SalonAndServiceRow;
  services: VisitService[];
  /** Per item, the stylists who may take it (the chosen one, or every active performer), display order. */
  candidates: string[][];
  patchTests: PatchTestFacts[];
  /** Per item, its service's deposit rule with the salon's fees and hold. */
  payments: PaymentPolicy[];
  /** Every stylist any item may go to, in display order. */
  staff: StaffScheduleRow[];
  customerExists: boolean;
  upcomingBookings: number;
};

export type VisitContextQuery = {
  items: TVisitItem[];
  /** Candidate visit starts in [from, until), epoch ms. */
  range: InstantRange;
  now: number;
  customerId?: string;
  /** A moved visit's own segments: their blocked time counts as free. */
  ownSegments?: { staffId: string; blockedFrom: Date; blockedUntil: Date }[];
};

/**
 * One bookingContext statement per distinct service (a visit has at most five), read one after the other
 * so they can share a transaction. Each reads busy time around the whole visit, not only its start.
 */
export async function loadVisitContext(client: QueryClient, query: VisitContextQuery): Promise<VisitContext> {
  const serviceIds = [...new Set(query.items.map((item) => item.serviceId))];
  const byService = new Map<string, Awaited<ReturnType<typeof loadBookingContext>>>();
  // A generous reach: a visit of five long services with processing time still ends inside a day.
  const range = { from: query.range.from, until: query.range.until + 24 * 60 * MINUTE_MS };
  for (const serviceId of serviceIds) {
    byService.set(
      serviceId,
      await loadBookingContext(client, { serviceId, staffId: null, range, now: query.now, customerId: query.customerId }),
    );
  }
  const own = query.ownSegments ?? [];
  const isOwn = (staffId: string, busy: InstantRange) =>
    own.some(
      (segment) =>
        segment.staffId === staffId && segment.blockedFrom.getTime() === busy.from && segment.blockedUntil.getTime() === busy.until,
    );
  const staff = new Map<string, StaffScheduleRow>();
  const services: VisitService[] = [];
  const candidates: string[][] = [];
  const patchTests: PatchTestFacts[] = [];
  const payments: PaymentPolicy[] = [];
  for (const item of query.items) {
    const context = byService.get(item.serviceId)!;
    payments.push(context.payment);
    const service = serviceOf(context.salon);
    assertServiceBookable(service);
    services.push({ ...service, processingMinutes: context.salon.processingMinutes, bufferInsideVisit: context.salon.bufferInsideVisit });
    patchTests.push(context.patchTest);
    for (const row of context.staff) {
      if (!staff.has(row.staffId)) staff.set(row.staffId, { ...row, busy: row.busy.filter((busy) => !isOwn(row.staffId, busy)) });
    }
    if (item.staffId) {
      if (!context.staff.some((row) => row.staffId === item.staffId)) {
        // Not an active performer of this service: ask for that stylist alone, for the precise reason.
        const named = await loadBookingContext(client, { serviceId: item.serviceId, staffId: item.staffId, range, now: query.now });
        assertStylistBookable(named.staff[0], item.staffId);
      }
      candidates.push([item.staffId]);
    } else {
      candidates.push(context.staff.map((row) => row.staffId));
    }
  }
  const first = byService.get(query.items[0]!.serviceId)!;
  return {
    salon: first.salon,
    services,
    candidates,
    patchTests,
    payments,
    staff: [...staff.values()],
    customerExists: first.customerExists,
    upcomingBookings: first.upcomingBookings,
  };
}

/** The pure engine's input for a context: `range` in epoch ms. */
export function visitAvailabilityInput(
  context: VisitContext,
  range: InstantRange,
  now: number,
  sameStylist: boolean,
): VisitAvailabilityInput {
  return {
    settings: availabilitySettingsOf(context.salon),
    services: context.services,
    candidates: context.candidates,
    sameStylist,
    staff: context.staff.map(({ staffId, workingHours, timeOff, busy }) => ({ staffId, workingHours, timeOff, busy })),
    range,
    now,
  };
}

export type AvailableVisitSlot = {
  startsAt: Date;
  endsAt: Date;
  localDate: string;
  localTime: string;
  segments: { serviceId: string; staffId: string; staffName: string; startsAt: Date; endsAt: Date }[];
};

/** Start times at which the whole visit fits in [from, to), each with the stylist of every segment. */
export async function getVisitAvailability(
  query: TVisitAvailabilityQuery,
  now = new Date(),
): Promise<AvailabilityAnswer<AvailableVisitSlot>> {
  const { items, sameStylist, from, to, excludeVisitId } = parseInput(ZVisitAvailabilityQuery, query);
  const range = { from: from.getTime(), until: to.getTime() };
  // Its own segments leave the busy time of a visit being moved.
  const ownSegments = excludeVisitId
    ? await db.appointment.findMany({
        where: { visitId: excludeVisitId, status: "BOOKED" },
        select: { staffId: true, blockedFrom: true, blockedUntil: true },
      })
    : [];
  const context = await loadVisitContext(db, { items, range, now: now.getTime(), ownSegments });
  const names = new Map(context.staff.map((row) => [row.staffId, row.name]));
  const slots = computeVisitAvailability(visitAvailabilityInput(context, range, now.getTime(), sameStylist ?? false));
  return availabilityAnswer(
    context.salon,
    now,
    slots.map((slot) => ({
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      localDate: slot.localDate,
      localTime: slot.localTime,
      segments: slot.segments.map((segment, i) => ({
        serviceId: items[i]!.serviceId,
        staffId: segment.staffId,
        staffName: names.get(segment.staffId) ?? "",
        startsAt: new Date(segment.startsAt),
        endsAt: new Date(segment.endsAt),
      })),
    })),
  );
}

/** A segment as the visit core changes it: the view plus the booked snapshot it moves with. */
export const visitSegmentSelect = {
  ...appointmentViewSelect,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  blockedFrom: true,
  blockedUntil: true,
  visitPosition: true,
  // Whether cancelling the whole visit has money to settle.
  depositCents: true,
  providerCustomerId: true,
} satisfies Prisma.AppointmentSelect;

export type VisitSegmentRow = Prisma.AppointmentGetPayload<{ select: typeof visitSegmentSelect }>;

/** The visit's segments the actor may see, in order (none: the visit does not exist for them). */
export async function loadVisitSegments(
  client: Pick<PrismaClient, "appointment">,
  actor: Actor,
  visitId: string,
): Promise<VisitSegmentRow[]> {
  return client.appointment.findMany({
    where: { visitId, ...visibleTo(actor) },
    orderBy: { visitPosition: "asc" },
    select: visitSegmentSelect,
  });
}

export function segmentView({
  bufferBeforeMinutes: _b,
  bufferAfterMinutes: _a,
  blockedFrom: _f,
  blockedUntil: _u,
  visitPosition: _p,
  depositCents: _d,
  providerCustomerId: _c,
  ...row
}: VisitSegmentRow): AppointmentView {
  return toAppointmentView(row);
}

export async function getVisit(actor: Actor, visitId: string): Promise<VisitView> {
  const segments = await loadVisitSegments(db, actor, visitId);
  // Someone else's visit answers exactly like a missing one, so ids cannot be probed.
  if (segments.length === 0) throw new AppError("NOT_FOUND", "That visit does not exist.");
  return toVisitView(visitId, segments.map(segmentView));
}

/** A free start as a form offers it: the instant it submits and what staff read (times and stylists). */
export type OfferedVisitStart = { startsAt: string; label: string };

/**
 * The visit's free starts on one salon-local day, labelled for a form ("10:00–12:10 · Cut with Amy, …").
 * A question the rules refuse outright (a stylist who does not perform a service) is its message instead.
 */
export async function visitStartsOnDay(
  query: Omit<TVisitAvailabilityQuery, "from" | "to"> & { date: string },
  serviceNames: ReadonlyMap<string, string>,
): Promise<{ starts: OfferedVisitStart[] } | { problem: string }> {
  const { date, ...rest } = query;
  const { timezone } = await db.salonSettings.findUniqueOrThrow({ where: { id: 1 }, select: { timezone: true } });
  const from = new Date(startOfLocalDay(date, timezone));
  const to = new Date(startOfLocalDay(addDays(date, 1), timezone));
  try {
    const { slots } = await getVisitAvailability({ ...rest, from, to });
    const time = (instant: Date) => formatLocalTime(instant.getTime(), timezone);
    return {
      starts: slots.map((slot) => ({
        startsAt: slot.startsAt.toISOString(),
        label: `${time(slot.startsAt)}–${time(slot.endsAt)} · ${slot.segments
          .map((segment) => `${serviceNames.get(segment.serviceId) ?? "Service"} with ${segment.staffName}`)
          .join(", ")}`,
      })),
    };
  } catch (error) {
    if (error instanceof AppError) return { problem: error.message };
    throw error;
  }
}

/** How many services the visit of this appointment holds (1 for a single booking, 0 for no such row). */
export async function visitSegmentCount(appointmentId: string): Promise<number> {
  const row = await db.appointment.findUnique({ where: { id: appointmentId }, select: { visit: { select: { segmentCount: true } } } });
  return row?.visit?.segmentCount ?? 0;
}
