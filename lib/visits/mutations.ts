import "server-only";
import { randomUUID } from "node:crypto";
import { historyActorId, historyActorKind, systemActor, type Actor } from "@/lib/auth/actor";
import { managesAppointment } from "@/lib/auth/permissions";
import { appointmentViewSelect, toAppointmentView, type AppointmentView } from "@/lib/booking/appointment-view";
import { isSlotAvailable } from "@/lib/booking/availability";
import { assertStylistBookable, serviceOf, toAvailabilityInput } from "@/lib/booking/availability-input";
import { loadBookingContext, visibleTo } from "@/lib/booking/data";
import { touchCalendarFeed } from "@/lib/calendar-feed/mutations";
import { assertBeforeCutoff } from "@/lib/booking/cutoffs";
import { creationChanges, diffChanges, type HistoryAction, type HistoryChanges } from "@/lib/booking/history";
import {
  assertUnderBookingCap,
  bookAppointment,
  customerNotFound,
  inBookingTransaction,
  inTransaction,
  isOwnBooking,
  SLOT_TAKEN,
  versionConflict,
  type MutationOptions,
  type Tx,
} from "@/lib/booking/mutations";
import { assertStartFollowsRules } from "@/lib/booking/slot-rules";
import { assertTransition, type AppointmentAction } from "@/lib/booking/status-machine";
import { blockedOf, computeVisitAvailability, type VisitSegmentSlot } from "@/lib/booking/visit-availability";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeOutboxEvent } from "@/lib/notifications/mutations";
import type { TOutboxEvent } from "@/lib/notifications/outbox-events";
import { patchTestOverrideReason } from "@/lib/patch-tests/booking-rule";
import { paymentNeedOf } from "@/lib/payments/deposit-policy";
import { settleCancellation } from "@/lib/payments/mutations";
import { parseInput } from "@/lib/parse-input";
import {
  loadVisitContext,
  loadVisitSegments,
  segmentView,
  visitAvailabilityInput,
  visitSegmentSelect,
  type VisitContext,
  type VisitSegmentRow,
} from "./data";
import {
  ZBookVisitInput,
  ZCancelVisitInput,
  ZReassignSegmentInput,
  ZRescheduleVisitInput,
  type TBookVisitInput,
  type TCancelVisitInput,
  type TReassignSegmentInput,
  type TRescheduleVisitInput,
} from "./schema";
import { toVisitView, type VisitView } from "./visit-view";

/**
 * A visit is booked, moved and cancelled whole, in one transaction: every segment is an Appointment row
 * under the exclusion constraint, so if any segment overlaps someone else's time (23P01) the whole
 * transaction rolls back and nothing of the visit is left. Cutoffs, the per-customer cap and permissions
 * apply to the visit as a whole. A visit of one service takes the single booking's path (one statement).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type BookVisitOptions = MutationOptions & {
  /** Runs last inside the booking's transaction (e.g. storing an idempotent answer); throwing rolls back. */
  beforeCommit?: (tx: Tx, visit: VisitView) => Promise<void>;
};

/** One history row per segment, in one statement: `changesOf` says what changed for each. */
async function recordEvents<R extends { id: string }>(
  tx: Tx,
  actor: Actor,
  action: HistoryAction,
  segments: readonly R[],
  changesOf: (segment: R) => HistoryChanges,
) {
  await tx.appointmentEvent.createMany({
    data: segments.map((segment) => ({
      appointmentId: segment.id,
      action,
      actorKind: historyActorKind(actor),
      actorId: historyActorId(actor),
      changes: changesOf(segment) as Prisma.InputJsonObject,
    })),
  });
}

/**
 * Each segment's own appointment event, beside the visit's one: partners subscribed to appointments and
 * the waitlist hear of every segment exactly as of a single booking (the visit's event sends the emails).
 */
async function announceSegments<R>(tx: Tx, segments: readonly R[], eventOf: (segment: R) => TOutboxEvent): Promise<void> {
  for (const segment of segments) await writeOutboxEvent(tx, eventOf(segment));
}

/** The visit as written, read back inside the transaction (the core's own read: no visibility filter). */
async function visitAfterWrite(tx: Tx, visitId: string): Promise<VisitView> {
  return toVisitView(visitId, (await loadVisitSegments(tx, systemActor, visitId)).map(segmentView));
}

/** The visit's start against the salon's rules (notice, horizon, grid, the first service's hours): a 422 naming the rule. */
function assertVisitStartFollowsRules(context: VisitContext, startsAt: number, now: number): void {
  const first = context.services[0]!;
  const candidates = context.candidates[0]!;
  const staff = context.staff.filter((row) => candidates.includes(row.staffId));
  assertStartFollowsRules(toAvailabilityInput(context.salon, first, staff, now), candidates, startsAt);
}

function layoutAt(context: VisitContext, startsAt: number, now: number, sameStylist: boolean): VisitSegmentSlot[] {
  const range = { from: startsAt, until: startsAt + 1 };
  const slot = computeVisitAvailability(visitAvailabilityInput(context, range, now, sameStylist)).find(
    (candidate) => candidate.startsAt === startsAt,
  );
  if (!slot) throw new AppError("SLOT_UNAVAILABLE", SLOT_TAKEN);
  return slot.segments;
}

/**
 * What the visit must pay before it counts: when any service asks for a deposit or a card, every segment
 * is held (PENDING_PAYMENT) until one payment for them all, each with its own share. Staff may waive it.
 */
function holdOf(context: VisitContext, payment: TBookVisitInput["payment"], now: number) {
  if (payment === "waived") return null;
  const needs = context.payments.map((policy, i) => paymentNeedOf(policy.rule, context.services[i]!.priceCents, policy.fees));
  if (needs.every((need) => need === null)) return null;
  return { needs, until: new Date(now + context.payments[0]!.holdMinutes * MINUTE_MS) };
}

export async function bookVisit(actor: Actor, rawInput: TBookVisitInput, options: BookVisitOptions = {}): Promise<VisitView> {
  const input = parseInput(ZBookVisitInput, rawInput);
  if (input.items.length === 1) {
    const [item] = input.items;
    const view = await bookAppointment(
      actor,
      {
        customerId: input.customerId,
        serviceId: item!.serviceId,
        staffId: item!.staffId,
        startsAt: input.startsAt,
        note: input.note,
        source: input.source,
        payment: input.payment,
      },
      {
        now: options.now,
        beforeCommit: options.beforeCommit && ((tx, appointment) => options.beforeCommit!(tx, toVisitView(appointment.id, [appointment]))),
      },
    );
    return toVisitView(view.id, [view]);
  }
  // Staff powers cover the visit only when they cover every segment's column; "anyone" is a customer's choice.
  const staffPowers = input.items.every((item) => managesAppointment(actor, { staffId: item.staffId }));
  if (!staffPowers && !isOwnBooking(actor, input.customerId)) {
    throw new AppError("FORBIDDEN", "Customers can only book appointments for themselves.");
  }
  if (input.payment === "waived" && !staffPowers) throw new AppError("FORBIDDEN", "Only staff can waive a deposit.");
  const now = (options.now ?? new Date()).getTime();
  const startsAt = input.startsAt.getTime();

  return inBookingTransaction(actor, input.customerId, async (tx, capped) => {
    const context = await loadVisitContext(tx, {
      items: input.items,
      range: { from: startsAt, until: startsAt + 1 },
      now,
      customerId: input.customerId,
    });
    if (!context.customerExists) throw customerNotFound();
    if (capped) assertUnderBookingCap(context.upcomingBookings, context.salon.maxFutureBookingsPerCustomer);
    assertVisitStartFollowsRules(context, startsAt, now);
    const layout = layoutAt(context, startsAt, now, input.sameStylist ?? false);
    layout.forEach((segment, i) => {
      patchTestOverrideReason(
        actor,
        { staffId: segment.staffId, startsAt: new Date(segment.startsAt) },
        context.services[i]!.name,
        undefined,
        context.patchTests[i]!,
      );
    });

    const hold = holdOf(context, input.payment, now);
    const status = hold ? ("PENDING_PAYMENT" as const) : ("BOOKED" as const);
    const visitId = randomUUID();
    await tx.visit.create({ data: { id: visitId, customerId: input.customerId, segmentCount: layout.length, source: input.source } });
    const rows = layout.map((segment, i) => {
      const service = context.services[i]!;
      const blocked = blockedOf(segment);
      return {
        id: randomUUID(),
        visitId,
        visitPosition: i + 1,
        customerId: input.customerId,
        staffId: segment.staffId,
        serviceId: service.id,
        startsAt: new Date(segment.startsAt),
        endsAt: new Date(segment.endsAt),
        blockedFrom: new Date(blocked.from),
        blockedUntil: new Date(blocked.until),
        source: input.source,
        // The visit's note sits on its first segment: one note for one visit.
        customerNote: i === 0 && input.note ? input.note : null,
        // Snapshots: later price or duration changes to the service never alter a booked visit.
        durationMinutes: service.durationMinutes,
        bufferBeforeMinutes: segment.bufferBeforeMinutes,
        bufferAfterMinutes: segment.bufferAfterMinutes,
        priceCents: service.priceCents,
        currency: service.currency,
        status,
        // Each segment keeps its own share; the visit's one checkout asks for their sum.
        depositCents: hold?.needs[i]?.depositCents ?? 0,
        paymentHoldUntil: hold?.until ?? null,
      };
    });
    await tx.appointment.createMany({ data: rows });
    await recordEvents(tx, actor, "booked", rows, (row) => {
      const { staffId, serviceId, customerId, startsAt, endsAt, source, priceCents, currency, durationMinutes } = row;
      return creationChanges({
        status,
        staffId,
        serviceId,
        customerId,
        startsAt,
        endsAt,
        source,
        priceCents,
        currency,
        durationMinutes,
        visitId,
      });
    });
    if (hold) {
      // One hold for the whole visit, announced through its first segment (which the payment hangs on):
      // its expiry ends every segment; paying announces each segment and the visit as booked.
      await writeOutboxEvent(tx, {
        name: "appointment.payment-pending",
        data: { appointmentId: rows[0]!.id, version: 1, holdUntil: hold.until.toISOString() },
      });
    } else {
      await announceSegments(tx, rows, (row) => ({
        name: "appointment.created",
        data: { appointmentId: row.id, version: 1, wholeVisitId: visitId },
      }));
      await writeOutboxEvent(tx, { name: "visit.booked", data: { visitId, version: rows.length } });
    }
    const visit = await visitAfterWrite(tx, visitId);
    await options.beforeCommit?.(tx, visit);
    return visit;
  });
}

/**
 * The visit's segments as the actor may change them: all of them visible, the version the caller saw,
 * and the segments still booked (the ones a whole-visit change moves or cancels).
 */
async function loadVisitForChange(tx: Tx, actor: Actor, visitId: string, expectedVersion: number | undefined, action: AppointmentAction) {
  const segments = await loadVisitSegments(tx, actor, visitId);
  const visit = await tx.visit.findUnique({ where: { id: visitId }, select: { segmentCount: true, customerId: true } });
  if (!visit || segments.length === 0) throw new AppError("NOT_FOUND", "That visit does not exist.");
  const wholeVisit = segments.length >= visit.segmentCount;
  const staffPowers = wholeVisit && segments.every((segment) => managesAppointment(actor, segment));
  if (!staffPowers && !isOwnBooking(actor, visit.customerId)) {
    // A stylist sees their own segments of someone's visit; the whole visit is the front desk's to change.
    throw new AppError("FORBIDDEN", "Only someone who manages every segment can change the whole visit.");
  }
  const version = segments.reduce((total, segment) => total + segment.version, 0);
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new AppError("VERSION_CONFLICT", "This visit was changed by someone else. Reload and try again.");
  }
  const booked = segments.filter((segment) => segment.status === "BOOKED");
  if (booked.length === 0) assertTransition(segments[0]!.status, action);
  return { segments, booked, staffPowers, version };
}

async function updateSegment(tx: Tx, segment: VisitSegmentRow, data: Prisma.AppointmentUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.appointment.updateMany({
    where: { id: segment.id, version: segment.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw versionConflict();
}

/** Moves every booked segment of the visit by the same amount, keeping its stylists and booked timings. */
export async function rescheduleVisit(actor: Actor, rawInput: TRescheduleVisitInput, options: MutationOptions = {}): Promise<VisitView> {
  const input = parseInput(ZRescheduleVisitInput, rawInput);
  const now = (options.now ?? new Date()).getTime();
  const startsAt = input.startsAt.getTime();
  return inTransaction(async (tx) => {
    const { booked, staffPowers, version } = await loadVisitForChange(tx, actor, input.visitId, input.expectedVersion, "reschedule");
    const previousStart = booked[0]!.startsAt;
    const context = await loadVisitContext(tx, {
      items: booked.map((segment) => ({ serviceId: segment.serviceId, staffId: segment.staffId })),
      range: { from: startsAt, until: startsAt + 1 },
      now,
      ownSegments: booked,
    });
    if (!staffPowers) assertBeforeCutoff("reschedule", previousStart.getTime(), context.salon.rescheduleCutoffMinutes, now);
    // The booked snapshot stands: durations, buffers and the gaps between segments as they were booked
    // (a gap already holds the larger of the turnover and the processing time).
    context.services = booked.map((segment, i) => ({
      ...context.services[i]!,
      durationMinutes: segment.durationMinutes,
      bufferBeforeMinutes: segment.bufferBeforeMinutes,
      bufferAfterMinutes: segment.bufferAfterMinutes,
      processingMinutes: booked[i + 1] ? (booked[i + 1]!.startsAt.getTime() - segment.endsAt.getTime()) / MINUTE_MS : 0,
      bufferInsideVisit: true,
    }));
    assertVisitStartFollowsRules(context, startsAt, now);
    const layout = layoutAt(context, startsAt, now, false);
    // One segment at a time under a constraint checked per row: moving later, the last segment goes first
    // (and the first first when moving earlier), so no segment ever lands on another's old time.
    const order = booked.map((_, i) => i);
    if (startsAt > previousStart.getTime()) order.reverse();
    const movedTo = (i: number) => ({ startsAt: new Date(layout[i]!.startsAt), endsAt: new Date(layout[i]!.endsAt) });
    for (const i of order) {
      const segment = booked[i]!;
      const next = layout[i]!;
      const blocked = blockedOf(next);
      await updateSegment(tx, segment, {
        ...movedTo(i),
        blockedFrom: new Date(blocked.from),
        blockedUntil: new Date(blocked.until),
        bufferBeforeMinutes: next.bufferBeforeMinutes,
        bufferAfterMinutes: next.bufferAfterMinutes,
        scheduleVersion: segment.version + 1,
      });
    }
    await recordEvents(tx, actor, "rescheduled", booked, (segment) =>
      diffChanges({ startsAt: segment.startsAt, endsAt: segment.endsAt }, movedTo(booked.indexOf(segment))),
    );
    await announceSegments(tx, booked, (segment) => ({
      name: "appointment.rescheduled",
      data: {
        appointmentId: segment.id,
        version: segment.version + 1,
        wholeVisitId: input.visitId,
        previous: {
          startsAt: segment.startsAt.toISOString(),
          endsAt: segment.endsAt.toISOString(),
          staffId: segment.staffId,
          serviceId: segment.serviceId,
        },
      },
    }));
    await writeOutboxEvent(tx, {
      name: "visit.rescheduled",
      data: { visitId: input.visitId, version: version + booked.length, previousStartsAt: previousStart.toISOString() },
    });
    return visitAfterWrite(tx, input.visitId);
  });
}

/**
 * Cancels every segment still booked (or held for its deposit: a customer may give up a hold); the rows
 * stay (status, who, why, when). A paid visit's one deposit follows the cancellation policy, once.
 */
export async function cancelVisit(actor: Actor, rawInput: TCancelVisitInput, options: MutationOptions = {}): Promise<VisitView> {
  const input = parseInput(ZCancelVisitInput, rawInput);
  const now = options.now ?? new Date();
  return inTransaction(async (tx) => {
    const loaded = await loadVisitForChange(tx, actor, input.visitId, input.expectedVersion, "cancel");
    const { segments, staffPowers, version } = loaded;
    const booked = segments.filter((segment) => segment.status === "BOOKED" || segment.status === "PENDING_PAYMENT");
    // Staff cancellations are the salon's decision: the customer (and the audit) deserve a reason.
    if (staffPowers && !input.reason) {
      throw new AppError("VALIDATION", "Give a reason for cancelling.", [{ path: "reason", message: "Required for staff." }]);
    }
    if (!staffPowers) {
      const settings = await tx.salonSettings.findUnique({ where: { id: 1 }, select: { cancelCutoffMinutes: true } });
      assertBeforeCutoff("cancel", booked[0]!.startsAt.getTime(), settings?.cancelCutoffMinutes ?? 0, now.getTime());
    }
    const reason = input.reason ?? null;
    for (const segment of booked) {
      const status = assertTransition(segment.status, "cancel");
      await updateSegment(tx, segment, {
        status,
        cancelledAt: now,
        cancelledById: actor.kind === "user" ? actor.userId : null,
        cancelledByKind: historyActorKind(actor),
        cancellationReason: reason,
      });
    }
    await recordEvents(tx, actor, "cancelled", booked, (segment) =>
      diffChanges({ status: segment.status, cancellationReason: null }, { status: "CANCELLED", cancellationReason: reason }),
    );
    await announceSegments(tx, booked, (segment) => ({
      name: "appointment.cancelled",
      data: { appointmentId: segment.id, version: segment.version + 1, wholeVisitId: input.visitId, reason },
    }));
    await writeOutboxEvent(tx, { name: "visit.cancelled", data: { visitId: input.visitId, version: version + booked.length, reason } });
    // Only a paid visit (a deposit, or a card saved for fees) has money to settle; a hold given up has none.
    const paid = booked.some((segment) => segment.status === "BOOKED" && (segment.depositCents > 0 || segment.providerCustomerId !== null));
    if (paid) {
      await settleCancellation(
        tx,
        actor,
        { id: segments[0]!.id, startsAt: booked[0]!.startsAt, visitId: input.visitId },
        { now, bySalon: staffPowers && !isOwnBooking(actor, segments[0]!.customerId) },
      );
    }
    return visitAfterWrite(tx, input.visitId);
  });
}

/**
 * Hands one segment of a visit to another stylist at the same time (the stylist is ill, the customer asks
 * for someone else); the other segments stay as they are. Staff only, over both columns. The time was
 * chosen when the visit was booked, so the salon's grid, notice and horizon do not apply again: only the
 * new stylist's hours, time off and bookings decide, and the exclusion constraint has the last word.
 */
export async function reassignVisitSegment(
  actor: Actor,
  rawInput: TReassignSegmentInput,
  options: MutationOptions = {},
): Promise<AppointmentView> {
  const input = parseInput(ZReassignSegmentInput, rawInput);
  const now = (options.now ?? new Date()).getTime();
  return inTransaction(async (tx) => {
    const segment = await tx.appointment.findFirst({ where: { id: input.appointmentId, ...visibleTo(actor) }, select: visitSegmentSelect });
    if (!segment?.visitId) throw new AppError("NOT_FOUND", "That appointment does not exist.");
    if (!managesAppointment(actor, segment) || !managesAppointment(actor, { staffId: input.staffId })) {
      throw new AppError("FORBIDDEN", "Only someone who manages both stylists' columns can hand a segment over.");
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== segment.version) throw versionConflict();
    assertTransition(segment.status, "reschedule");
    const startsAt = segment.startsAt.getTime();
    if (startsAt <= now) throw new AppError("INVALID_TRANSITION", "This segment has started: it can no longer change stylist.");
    if (input.staffId === segment.staffId) {
      throw new AppError("VALIDATION", "This segment is already with that stylist.", [
        { path: "staffId", message: "Choose another stylist." },
      ]);
    }
    const context = await loadBookingContext(tx, {
      serviceId: segment.serviceId,
      staffId: input.staffId,
      range: { from: startsAt, until: startsAt + 1 },
      now,
      timing: segment,
    });
    const stylist = assertStylistBookable(context.staff[0], input.staffId);
    const timing = {
      ...serviceOf(context.salon),
      durationMinutes: segment.durationMinutes,
      bufferBeforeMinutes: segment.bufferBeforeMinutes,
      bufferAfterMinutes: segment.bufferAfterMinutes,
    };
    const availability = toAvailabilityInput(context.salon, timing, [stylist], now);
    const atBookedTime = {
      ...availability,
      settings: {
        ...availability.settings,
        slotStepMinutes: 1,
        minNoticeMinutes: 0,
        bookingHorizonDays: Math.max(availability.settings.bookingHorizonDays, Math.ceil((startsAt - now) / DAY_MS) + 1),
      },
    };
    if (!isSlotAvailable(atBookedTime, stylist.staffId, startsAt)) {
      throw new AppError("SLOT_UNAVAILABLE", `${stylist.name} is not free for the whole of this segment. Choose another stylist.`, [
        { path: "staffId", message: "Not free then." },
      ]);
    }
    // The time stays, so the reminder keyed by scheduleVersion stays valid and is not sent again.
    await updateSegment(tx, segment, { staffId: stylist.staffId });
    await recordEvents(tx, actor, "rescheduled", [segment], () => diffChanges({ staffId: segment.staffId }, { staffId: stylist.staffId }));
    await writeOutboxEvent(tx, {
      name: "appointment.rescheduled",
      data: {
        appointmentId: segment.id,
        version: segment.version + 1,
        previous: {
          startsAt: segment.startsAt.toISOString(),
          endsAt: segment.endsAt.toISOString(),
          staffId: segment.staffId,
          serviceId: segment.serviceId,
        },
      },
    });
    await touchCalendarFeed(tx, segment.staffId);
    return toAppointmentView(await tx.appointment.findUniqueOrThrow({ where: { id: segment.id }, select: appointmentViewSelect }));
  });
}
