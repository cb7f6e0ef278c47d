import "server-only";
import { touchCalendarFeed } from "@/lib/calendar-feed/mutations";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { historyActorId, historyActorKind, type Actor } from "@/lib/auth/actor";
import { actorCan, managesAppointment } from "@/lib/auth/permissions";
import { isExclusionViolation, sqlStateOf } from "@/lib/db-errors";
import { AppError, orNotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeOutboxEvent } from "@/lib/notifications/mutations";
import { outboxRowOf, type TOutboxEvent } from "@/lib/notifications/outbox-events";
import { patchTestOverrideReason } from "@/lib/patch-tests/booking-rule";
import { paymentNeedOf, type PaymentNeed } from "@/lib/payments/deposit-policy";
import { settleCancellation } from "@/lib/payments/mutations";
import { recordPatchTestOverride } from "@/lib/patch-tests/mutations";
import { parseInput } from "@/lib/parse-input";
import { sqlFile } from "@/lib/sql-files";
import { appointmentViewSelect, toAppointmentView, type AppointmentView } from "./appointment-view";
import { computeAvailability, isSlotAvailable } from "./availability";
import { assertServiceBookable, assertStylistBookable, serviceOf, toAvailabilityInput, type BookableService } from "./availability-input";
import type { BookingContext } from "./booking-context";
import { assertBeforeCutoff, assertNoteOpen } from "./cutoffs";
import { assertStartFollowsRules } from "./slot-rules";
import { loadBookingContext, visibleTo } from "./data";
import { creationChanges, diffChanges, type HistoryAction, type HistoryChanges } from "./history";
import {
  ZAddStaffNoteInput,
  ZBookAppointmentInput,
  ZCancelAppointmentInput,
  ZChangeCustomerNoteInput,
  ZFinishAppointmentInput,
  ZRescheduleAppointmentInput,
  type TAddStaffNoteInput,
  type TBookAppointmentInput,
  type TRescheduleAppointmentInput,
} from "./schema";
import { assertTransition, type AppointmentAction } from "./status-machine";

/**
 * Every change to an appointment: one transaction each, guarded by optimistic concurrency (`version`) and,
 * for time changes, by the database's exclusion constraint, which no race between "check availability"
 * and "write" can get past. Each function checks who may do what itself, so every entry point shares the
 * rules. `options.now` exists for tests and scripts; callers normally leave it out.
 */
export type MutationOptions = { now?: Date };

const MINUTE_MS = 60_000;
export const SLOT_TAKEN = "That time is no longer available. Please choose another time.";

// Bookings for one popular slot queue up behind each other (row and index locks); generous limits let the
// losers fail with SLOT_UNAVAILABLE instead of a transaction timeout.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export type Tx = Prisma.TransactionClient;

export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work, TRANSACTION_OPTIONS);
  } catch (error) {
    // The final guard: an overlapping BOOKED row for the same stylist (SQLSTATE 23P01).
    if (isExclusionViolation(error)) throw new AppError("SLOT_UNAVAILABLE", SLOT_TAKEN);
    throw error;
  }
}

function assertMayOverride(staffPowers: boolean, overrideAvailability: boolean | undefined): void {
  if (overrideAvailability && !staffPowers) {
    throw new AppError("FORBIDDEN", "Only staff can book outside the normal availability.");
  }
}

function assertStaff(staffPowers: boolean, what: string): void {
  if (!staffPowers) throw new AppError("FORBIDDEN", `Only staff can ${what}.`);
}

/** Acting on one's own booking as its customer (cutoffs apply, no override). */
export function isOwnBooking(actor: Actor, customerId: string): boolean {
  return actor.kind === "user" && customerId === actor.userId && actorCan(actor, "appointment.bookForSelf");
}

async function recordEvent(tx: Tx, actor: Actor, appointmentId: string, action: HistoryAction, changes: HistoryChanges): Promise<void> {
  await tx.appointmentEvent.create({
    data: {
      appointmentId,
      action,
      actorKind: historyActorKind(actor),
      actorId: historyActorId(actor),
      changes: changes as Prisma.InputJsonObject,
    },
  });
}

// The view and the booked snapshot: a change builds its answer from this read, never from a re-read.
const currentSelect = {
  ...appointmentViewSelect,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  // Whether a cancellation has money to settle (a deposit paid, or a card saved for fees).
  depositCents: true,
  providerCustomerId: true,
} satisfies Prisma.AppointmentSelect;

type CurrentRow = Prisma.AppointmentGetPayload<{ select: typeof currentSelect }>;

function viewOf({
  bufferBeforeMinutes: _before,
  bufferAfterMinutes: _after,
  depositCents: _deposit,
  providerCustomerId: _card,
  ...row
}: CurrentRow): AppointmentView {
  return toAppointmentView(row);
}

/**
 * The appointment as the actor may see it; version and status checked against the caller's view.
 * `staffPowers`: the actor manages it (the permission table's appointment.manageAny / manageOwn); else
 * they act on it as its customer.
 */
async function loadForChange(tx: Tx, actor: Actor, input: { appointmentId: string; expectedVersion?: number }, action: AppointmentAction) {
  const current = await tx.appointment.findFirst({
    where: { id: input.appointmentId, ...visibleTo(actor) },
    select: currentSelect,
  });
  const staffPowers = current !== null && managesAppointment(actor, current);
  if (!current || (!staffPowers && !isOwnBooking(actor, current.customerId)))
    throw new AppError("NOT_FOUND", "That appointment does not exist.");
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    throw new AppError("VERSION_CONFLICT", "This appointment was changed by someone else. Reload and try again.");
  }
  const nextStatus = assertTransition(current.status, action);
  return { current, nextStatus, staffPowers };
}

type ChangeContext<I> = { tx: Tx; actor: Actor; input: I; action: AppointmentAction; now: Date } & Awaited<
  ReturnType<typeof loadForChange>
>;

/**
 * A change to an existing appointment, in the shape every such core has: the input validated, then one
 * transaction that loads the row as the actor may see it (version and transition checked) for `change`.
 */
function appointmentChange<S extends z.ZodType<{ appointmentId: string; expectedVersion?: number }>>(
  schema: S,
  actionFor: AppointmentAction | ((input: z.output<S>) => AppointmentAction),
  change: (context: ChangeContext<z.output<S>>) => Promise<AppointmentView>,
) {
  return async (actor: Actor, rawInput: z.input<S>, options: MutationOptions = {}): Promise<AppointmentView> => {
    const input = parseInput(schema, rawInput);
    const action = typeof actionFor === "function" ? actionFor(input) : actionFor;
    const now = options.now ?? new Date();
    return inTransaction(async (tx) => change({ tx, actor, input, action, now, ...(await loadForChange(tx, actor, input, action)) }));
  };
}

/** Writes `data` only if nobody changed the row since we read it, bumping the version. */
async function updateIfUnchanged(
  tx: Tx,
  current: { id: string; version: number },
  data: Prisma.AppointmentUncheckedUpdateManyInput,
): Promise<AppointmentView> {
  const { count } = await tx.appointment.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw versionConflict();
  return toAppointmentView(await tx.appointment.findUniqueOrThrow({ where: { id: current.id }, select: appointmentViewSelect }));
}

export const versionConflict = () =>
  new AppError("VERSION_CONFLICT", "This appointment was changed by someone else. Reload and try again.");

/**
 * One of the writing statements under prisma/sql/ that change an appointment together with its history
 * event and its outbox row: each takes its own parameters first and those two rows' last, in this order.
 * No row back from an update means the version moved since the row was read.
 */
async function writeWithHistory<S extends z.ZodType>(
  tx: Tx,
  statement: "insertBooking" | "cancelAppointment" | "rescheduleAppointment",
  params: unknown[],
  history: { actor: Actor; changes: HistoryChanges; event: TOutboxEvent },
  returns: S,
): Promise<z.output<S>> {
  const outbox = outboxRowOf(history.event);
  const rows = await tx.$queryRawUnsafe<unknown[]>(
    sqlFile(statement),
    ...params,
    randomUUID(),
    historyActorKind(history.actor),
    historyActorId(history.actor),
    JSON.stringify(history.changes),
    randomUUID(),
    outbox.type,
    JSON.stringify(outbox.payload),
  );
  if (rows.length === 0) throw versionConflict();
  return returns.parse(rows[0]);
}

const ZChanged = z.object({ version: z.number().int(), updatedAt: z.coerce.date() });

/**
 * One throwaway account must not be able to hold every slot to the horizon. The customer's row is locked
 * first, in a statement of its own, so two bookings of the same customer at once count one after the
 * other: a statement's snapshot is taken before it waits for a lock, so a count in the locking statement
 * could miss the booking the lock's holder has just committed.
 */
async function lockCustomer(tx: Tx, customerId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${customerId} FOR UPDATE`;
}

/**
 * A new booking's (or visit's) transaction. Staff book on the salon's behalf and may exceed the cap; a
 * customer (web or API key) may not, so then the customer's row is locked first (see lockCustomer).
 */
export async function inBookingTransaction<T>(actor: Actor, customerId: string, work: (tx: Tx, capped: boolean) => Promise<T>): Promise<T> {
  const capped = !actorCan(actor, "dashboard.access");
  return inTransaction(async (tx) => {
    if (capped) await lockCustomer(tx, customerId);
    return work(tx, capped);
  });
}

export function assertUnderBookingCap(upcoming: number, cap: number): void {
  if (upcoming >= cap) {
    throw new AppError(
      "BOOKING_LIMIT_REACHED",
      `You already have ${upcoming} upcoming appointment${upcoming === 1 ? "" : "s"}, the most this salon takes online. Cancel one, or call the salon to book more.`,
    );
  }
}

function blockedRange(startsAt: number, timing: Pick<BookableService, "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes">) {
  const endsAt = startsAt + timing.durationMinutes * MINUTE_MS;
  return {
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    blockedFrom: new Date(startsAt - timing.bufferBeforeMinutes * MINUTE_MS),
    blockedUntil: new Date(endsAt + timing.bufferAfterMinutes * MINUTE_MS),
  };
}

type SlotRequest = { startsAt: number; staffId?: string | null; overrideAvailability?: boolean };

/** The instant range whose candidate starts a booking asks about: the one start. */
const slotRange = (startsAt: number) => ({ from: startsAt, until: startsAt + 1 });

/**
 * The stylist who takes the slot: the one asked for, if the slot is free in their schedule, otherwise the
 * first free stylist who performs the service. The context was loaded for this slot (a moved booking's
 * own time already left out of it).
 */
function stylistForSlot(context: BookingContext, timing: BookableService, slot: SlotRequest, now: number): string {
  const schedules = context.staff;
  const availability = toAvailabilityInput(context.salon, timing, schedules, now);
  if (slot.staffId) {
    const { staffId } = assertStylistBookable(schedules[0], slot.staffId);
    // An override skips hours, notice, horizon and time off; overlaps are still refused by the constraint.
    if (slot.overrideAvailability) return staffId;
    assertStartFollowsRules(availability, [staffId], slot.startsAt);
    if (!isSlotAvailable(availability, staffId, slot.startsAt)) throw new AppError("SLOT_UNAVAILABLE", SLOT_TAKEN);
    return staffId;
  }
  assertStartFollowsRules(
    availability,
    availability.staff.map((member) => member.staffId),
    slot.startsAt,
  );
  const free = computeAvailability({ ...availability, range: slotRange(slot.startsAt) }).anyStaff.find(
    (candidate) => candidate.startsAt === slot.startsAt,
  );
  if (!free) throw new AppError("SLOT_UNAVAILABLE", SLOT_TAKEN);
  return free.staffId;
}

/**
 * A taken slot that the same customer holds for the same service is most likely this booking's own
 * earlier attempt (a retry without an Idempotency-Key): say so, with the appointment's id when the
 * actor may see it, so the caller does not book another time by mistake.
 */
async function withOwnBookingHint(
  actor: Actor,
  input: TBookAppointmentInput,
  book: () => Promise<AppointmentView>,
): Promise<AppointmentView> {
  try {
    return await book();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "SLOT_UNAVAILABLE") throw error;
    const startsAt = new Date(input.startsAt);
    const own = await db.appointment.findFirst({
      where: {
        customerId: input.customerId,
        serviceId: input.serviceId,
        startsAt,
        status: { in: ["BOOKED", "PENDING_PAYMENT"] },
        ...visibleTo(actor),
      },
      select: { id: true },
    });
    if (!own) throw error;
    throw new AppError(
      "SLOT_UNAVAILABLE",
      `This customer already holds this time for this service: appointment ${own.id}, probably an earlier attempt of this booking (send an Idempotency-Key to retry safely).`,
    );
  }
}

export type BookOptions = MutationOptions & {
  /** Runs last inside the booking's transaction (e.g. storing an idempotent answer); throwing rolls back. */
  beforeCommit?: (tx: Tx, appointment: AppointmentView) => Promise<void>;
};

export async function bookAppointment(actor: Actor, rawInput: TBookAppointmentInput, options: BookOptions = {}): Promise<AppointmentView> {
  return withOwnBookingHint(actor, rawInput, () => bookWithinRules(actor, rawInput, options));
}

async function bookWithinRules(actor: Actor, rawInput: TBookAppointmentInput, options: BookOptions): Promise<AppointmentView> {
  const input = parseInput(ZBookAppointmentInput, rawInput);
  // A stylist's powers cover their own column only, so "anyone available" is a customer's choice.
  const staffPowers = managesAppointment(actor, { staffId: input.staffId });
  if (!staffPowers && !isOwnBooking(actor, input.customerId)) {
    throw new AppError("FORBIDDEN", "Customers can only book appointments for themselves.");
  }
  assertMayOverride(staffPowers, input.overrideAvailability);
  if (input.payment === "waived" && !staffPowers) throw new AppError("FORBIDDEN", "Only staff can waive a deposit.");
  if (input.overrideAvailability && !input.staffId) {
    throw new AppError("VALIDATION", "Choose a stylist to book outside the normal availability.", [
      { path: "staffId", message: "Required when overriding availability." },
    ]);
  }
  const now = (options.now ?? new Date()).getTime();
  const startsAt = input.startsAt.getTime();

  return inBookingTransaction(actor, input.customerId, async (tx, capped) => {
    const context = await loadBookingContext(tx, {
      serviceId: input.serviceId,
      staffId: input.staffId ?? null,
      range: slotRange(startsAt),
      now,
      customerId: input.customerId,
    });
    if (!context.customerExists) throw customerNotFound();
    if (capped) assertUnderBookingCap(context.upcomingBookings, context.salon.maxFutureBookingsPerCustomer);
    const service = serviceOf(context.salon);
    assertServiceBookable(service);
    const staffId = stylistForSlot(
      context,
      service,
      { startsAt, staffId: input.staffId, overrideAvailability: input.overrideAvailability },
      now,
    );
    const { payment } = context;
    const need = input.payment === "waived" ? null : paymentNeedOf(payment.rule, service.priceCents, payment.fees);
    const hold = need ? { need, until: new Date(now + payment.holdMinutes * MINUTE_MS) } : null;
    const range = blockedRange(startsAt, service);
    const override = patchTestOverrideReason(
      actor,
      { staffId, startsAt: range.startsAt },
      service.name,
      input.patchTestOverrideReason,
      context.patchTest,
    );

    const booking = {
      id: randomUUID(),
      customerId: input.customerId,
      staffId,
      service,
      ...range,
      source: input.source,
      note: input.note ? input.note : null,
      hold,
    };
    const stored = await insertBooking(tx, actor, booking, {
      status: hold ? "PENDING_PAYMENT" : "BOOKED",
      startsAt: range.startsAt,
      endsAt: range.endsAt,
      staffId,
      serviceId: service.id,
      customerId: input.customerId,
      source: input.source,
      priceCents: service.priceCents,
      currency: service.currency,
      durationMinutes: service.durationMinutes,
      overrideAvailability: input.overrideAvailability ?? false,
    });
    if (override !== null && actor.kind === "user") await recordPatchTestOverride(tx, booking.id, override, actor.userId);
    // Built from what this transaction already holds: no re-read of the row it has just written.
    const view: AppointmentView = {
      id: booking.id,
      status: stored.status,
      startsAt: range.startsAt,
      endsAt: range.endsAt,
      serviceId: service.id,
      service: { id: service.id, name: service.name },
      staffId,
      staff: { id: staffId, name: context.staff.find((member) => member.staffId === staffId)?.name ?? "" },
      customerId: input.customerId,
      customer: { id: input.customerId, name: stored.customerName, email: stored.customerEmail },
      note: booking.note,
      priceCents: service.priceCents,
      currency: service.currency,
      durationMinutes: service.durationMinutes,
      source: input.source,
      cancellationReason: null,
      cancelledAt: null,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      version: stored.version,
      visitId: booking.id,
    };
    await options.beforeCommit?.(tx, view);
    return view;
  });
}

export const customerNotFound = () => new AppError("NOT_FOUND", "That customer does not exist.");

const ZInsertedBooking = z.object({
  status: z.enum(["BOOKED", "PENDING_PAYMENT"]),
  version: z.number().int(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  customerName: z.string(),
  customerEmail: z.string(),
});

type NewBooking = {
  id: string;
  customerId: string;
  staffId: string;
  service: BookableService;
  source: TBookAppointmentInput["source"];
  note: string | null;
  /** Set when the booking waits for its deposit: it holds the slot until `until`. */
  hold: { need: PaymentNeed; until: Date } | null;
} & ReturnType<typeof blockedRange>;

/**
 * The appointment, its "booked" history event and its outbox row in one statement
 * (prisma/sql/insertBooking.sql). The customer is checked by its foreign key, not by an earlier read.
 */
async function insertBooking(tx: Tx, actor: Actor, booking: NewBooking, history: Parameters<typeof creationChanges>[0]) {
  const { service, hold } = booking;
  // A new row starts at version 1 (the column's default): the event can name it before the insert. A
  // hold announces itself (its expiry is scheduled); it is "created" for everyone else once paid.
  const ref = { appointmentId: booking.id, version: 1 };
  const event: TOutboxEvent = hold
    ? { name: "appointment.payment-pending", data: { ...ref, holdUntil: hold.until.toISOString() } }
    : { name: "appointment.created", data: ref };
  try {
    return await writeWithHistory(
      tx,
      "insertBooking",
      [
        booking.id,
        booking.customerId,
        booking.staffId,
        service.id,
        booking.startsAt,
        booking.endsAt,
        booking.blockedFrom,
        booking.blockedUntil,
        booking.source,
        booking.note,
        // Snapshots: later price or duration changes to the service never alter a booked appointment.
        service.durationMinutes,
        service.bufferBeforeMinutes,
        service.bufferAfterMinutes,
        service.priceCents,
        service.currency,
        hold ? "PENDING_PAYMENT" : "BOOKED",
        hold?.need.depositCents ?? 0,
        hold?.until ?? null,
      ],
      { actor, changes: creationChanges(history), event },
      ZInsertedBooking,
    );
  } catch (error) {
    // The stylist and the service were read in this transaction; the customer, deleted since, is the key left to fail.
    if (sqlStateOf(error) === "23503") throw customerNotFound();
    throw error;
  }
}

export async function rescheduleAppointment(
  actor: Actor,
  rawInput: TRescheduleAppointmentInput,
  options: MutationOptions = {},
): Promise<AppointmentView> {
  const input = parseInput(ZRescheduleAppointmentInput, rawInput);
  if (input.startsAt === undefined && input.staffId === undefined && input.serviceId === undefined) {
    throw new AppError("VALIDATION", "Nothing to change: give a new time, stylist or service.", [
      { path: "startsAt", message: "Give a new time, stylist or service." },
    ]);
  }
  const now = (options.now ?? new Date()).getTime();

  return inTransaction(async (tx) => {
    const loaded = await loadForChange(tx, actor, input, "reschedule");
    const { current } = loaded;
    // Moving to a column the actor does not manage is a customer's move (a stylist handing over a booking is not).
    const staffPowers = loaded.staffPowers && managesAppointment(actor, { staffId: input.staffId ?? current.staffId });
    if (loaded.staffPowers && !staffPowers && !isOwnBooking(actor, current.customerId)) {
      throw new AppError("FORBIDDEN", "You can only move appointments within your own column.");
    }
    assertMayOverride(staffPowers, input.overrideAvailability);
    const serviceChanged = input.serviceId !== undefined && input.serviceId !== current.serviceId;
    const startsAt = (input.startsAt ?? current.startsAt).getTime();
    const context = await loadBookingContext(tx, {
      serviceId: input.serviceId ?? current.serviceId,
      staffId: input.staffId ?? current.staffId,
      range: slotRange(startsAt),
      now,
      excludeAppointmentId: current.id,
      // Without a new service the booked snapshot stands, and with it the busy time around the start.
      timing: serviceChanged ? undefined : current,
      // The customer's patch tests: one valid for the old time may be too old (or too recent) for the new one.
      customerId: current.customerId,
    });
    const { salon } = context;
    if (!staffPowers) {
      assertBeforeCutoff("reschedule", current.startsAt.getTime(), salon.rescheduleCutoffMinutes, now);
    }

    // A new service brings its own duration, buffers and price; otherwise the booked snapshot stands.
    const service = serviceOf(salon);
    if (serviceChanged) assertServiceBookable(service);
    const timing: BookableService = serviceChanged
      ? service
      : {
          ...service,
          durationMinutes: current.durationMinutes,
          bufferBeforeMinutes: current.bufferBeforeMinutes,
          bufferAfterMinutes: current.bufferAfterMinutes,
          priceCents: current.priceCents,
          currency: current.currency.trim(),
        };
    const staffId = stylistForSlot(
      context,
      timing,
      { startsAt, staffId: input.staffId ?? current.staffId, overrideAvailability: input.overrideAvailability },
      now,
    );

    const moved = startsAt !== current.startsAt.getTime() || serviceChanged;
    const override = moved
      ? patchTestOverrideReason(
          actor,
          { staffId, startsAt: new Date(startsAt) },
          timing.name,
          input.patchTestOverrideReason,
          context.patchTest,
        )
      : null;

    const next = {
      staffId,
      serviceId: timing.id,
      ...blockedRange(startsAt, timing),
      durationMinutes: timing.durationMinutes,
      bufferBeforeMinutes: timing.bufferBeforeMinutes,
      bufferAfterMinutes: timing.bufferAfterMinutes,
      priceCents: timing.priceCents,
      currency: timing.currency,
    };
    const { blockedFrom, blockedUntil, ...visible } = next;
    const { service: _service, staff: _staff, customer: _customer, ...bookedColumns } = current;
    const version = current.version + 1;
    const stored = await writeWithHistory(
      tx,
      "rescheduleAppointment",
      [
        current.id,
        current.version,
        staffId,
        timing.id,
        next.startsAt,
        next.endsAt,
        blockedFrom,
        blockedUntil,
        timing.durationMinutes,
        timing.bufferBeforeMinutes,
        timing.bufferAfterMinutes,
        timing.priceCents,
        timing.currency,
      ],
      {
        actor,
        changes: diffChanges({ ...bookedColumns, currency: current.currency.trim() }, visible),
        event: {
          name: "appointment.rescheduled",
          data: {
            appointmentId: current.id,
            version,
            previous: {
              startsAt: current.startsAt.toISOString(),
              endsAt: current.endsAt.toISOString(),
              staffId: current.staffId,
              serviceId: current.serviceId,
            },
          },
        },
      },
      ZChanged,
    );
    if (override !== null && actor.kind === "user") await recordPatchTestOverride(tx, current.id, override, actor.userId);
    if (staffId !== current.staffId) await touchCalendarFeed(tx, current.staffId);
    // The reminder for the old time is void; the one for the new time is keyed by the new version (the
    // statement moves scheduleVersion with version).
    const view: AppointmentView = {
      ...viewOf(current),
      staffId,
      serviceId: timing.id,
      startsAt: next.startsAt,
      endsAt: next.endsAt,
      durationMinutes: timing.durationMinutes,
      priceCents: timing.priceCents,
      currency: timing.currency,
      service: { id: timing.id, name: timing.name },
      staff: { id: staffId, name: context.staff.find((member) => member.staffId === staffId)?.name ?? "" },
      version: stored.version,
      updatedAt: stored.updatedAt,
    };
    return view;
  });
}

/**
 * The customer's note on the booking ("please use the quiet room"), changed or cleared. It does not move
 * the appointment, so no cutoff applies, but a customer cannot change it once the visit has started, and
 * nobody can after it has ended its life (cancelled, completed, no-show). No email: the time is the same.
 */
export const changeCustomerNote = appointmentChange(
  ZChangeCustomerNoteInput,
  "change_note",
  async ({ tx, actor, input, now, current, staffPowers }) => {
    if (!staffPowers) assertNoteOpen(current.startsAt.getTime(), now.getTime());
    const view = await updateIfUnchanged(tx, current, { customerNote: input.note });
    await recordEvent(
      tx,
      actor,
      current.id,
      "note_changed",
      diffChanges({ customerNote: current.customerNote }, { customerNote: input.note }),
    );
    await writeOutboxEvent(tx, { name: "appointment.note-changed", data: { appointmentId: current.id, version: view.version } });
    return view;
  },
);

/** A single booking (a visit of one), not one segment of a visit of several. */
async function isWholeBooking(tx: Tx, appointment: { visitId: string | null }): Promise<boolean> {
  if (!appointment.visitId) return true;
  const visit = await tx.visit.findUnique({ where: { id: appointment.visitId }, select: { segmentCount: true } });
  return (visit?.segmentCount ?? 1) === 1;
}

export const cancelAppointment = appointmentChange(
  ZCancelAppointmentInput,
  "cancel",
  async ({ tx, actor, input, now, current, nextStatus, staffPowers }) => {
    // Staff cancellations are the salon's decision: the customer (and the audit) deserve a reason.
    if (staffPowers && !input.reason) {
      throw new AppError("VALIDATION", "Give a reason for cancelling.", [{ path: "reason", message: "Required for staff." }]);
    }
    if (!staffPowers) {
      const settings = orNotFound(
        await tx.salonSettings.findUnique({ where: { id: 1 }, select: { cancelCutoffMinutes: true } }),
        "The salon has not been set up yet.",
      );
      assertBeforeCutoff("cancel", current.startsAt.getTime(), settings.cancelCutoffMinutes, now.getTime());
    }
    const reason = input.reason ?? null;
    const stored = await writeWithHistory(
      tx,
      "cancelAppointment",
      [current.id, current.version, nextStatus, now, actor.kind === "user" ? actor.userId : null, historyActorKind(actor), reason],
      {
        actor,
        changes: diffChanges({ status: current.status, cancellationReason: null }, { status: nextStatus, cancellationReason: reason }),
        event: { name: "appointment.cancelled", data: { appointmentId: current.id, version: current.version + 1, reason } },
      },
      ZChanged,
    );
    // Only a paid booking (a deposit, or a card saved for fees) has money to settle; a hold given up has none.
    // A visit's one deposit is settled when the whole visit is cancelled (cancelVisit): one segment
    // cancelled on its own moves no money, and staff refund by hand if they choose to.
    const paid = current.status === "BOOKED" && (current.depositCents > 0 || current.providerCustomerId !== null);
    if (paid && (await isWholeBooking(tx, current)))
      await settleCancellation(tx, actor, current, { now, bySalon: staffPowers && !isOwnBooking(actor, current.customerId) });
    return { ...viewOf(current), status: nextStatus, cancelledAt: now, cancellationReason: reason, ...stored };
  },
);

/** Completed or no-show: staff only, and a no-show only once the appointment has started. */
export const finishAppointment = appointmentChange(
  ZFinishAppointmentInput,
  ({ status }) => (status === "COMPLETED" ? "complete" : "no_show"),
  async ({ tx, actor, action, now, current, nextStatus, staffPowers }) => {
    assertStaff(staffPowers, action === "complete" ? "complete appointments" : "mark no-shows");
    if (action === "no_show" && now.getTime() < current.startsAt.getTime()) {
      throw new AppError("INVALID_TRANSITION", "An appointment can only be marked as a no-show once it has started.");
    }
    const view = await updateIfUnchanged(tx, current, { status: nextStatus });
    await recordEvent(
      tx,
      actor,
      current.id,
      action === "complete" ? "completed" : "no_show",
      diffChanges({ status: current.status }, { status: nextStatus }),
    );
    await writeOutboxEvent(tx, {
      name: action === "complete" ? "appointment.completed" : "appointment.no-show",
      data: { appointmentId: current.id, version: view.version },
    });
    return view;
  },
);

export type StaffNote = { id: string; body: string; createdAt: Date; authorId: string };

/** Notes sit beside the appointment (they do not change it), so the appointment's version stays. */
export async function addStaffNote(actor: Actor, rawInput: TAddStaffNoteInput): Promise<StaffNote> {
  const input = parseInput(ZAddStaffNoteInput, rawInput);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "A note needs a staff member as its author.");
  return inTransaction(async (tx) => {
    const { staffPowers } = await loadForChange(tx, actor, input, "add_note");
    assertStaff(staffPowers, "add notes");
    const note = await tx.appointmentNote.create({
      data: { appointmentId: input.appointmentId, authorId: actor.userId, body: input.body },
      select: { id: true, body: true, createdAt: true, authorId: true },
    });
    // The body stays out of the history: customers may read the history, never staff notes.
    await recordEvent(tx, actor, input.appointmentId, "note_added", { after: { noteId: note.id } });
    return note;
  });
}
