import type { Actor } from "@/lib/auth/actor";
import { actorCan, managesAppointment } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { PATCH_TEST_MIN_HOURS_BEFORE, patchTestWindow } from "./validity";

/** What the booking's one read loaded for this rule (prisma/sql/bookingContext.sql). */
export type PatchTestFacts = {
  required: boolean;
  maxAgeMonths: number;
  /** The salon's patch-test service, offered when a booking is refused for lack of a test. */
  service: { name: string; active: boolean } | null;
  /** When the customer's negative tests were done (epoch ms); loaded only when the service requires one. */
  negativeTestedAt: number[];
};

function patchTestRequired(serviceName: string, facts: PatchTestFacts): AppError {
  const offer = facts.service?.active
    ? `Book "${facts.service.name}" first, then this appointment at least ${PATCH_TEST_MIN_HOURS_BEFORE} hours later.`
    : "Please ask the salon for a patch test first.";
  return new AppError(
    "PATCH_TEST_REQUIRED",
    `${serviceName} needs a patch test done at least ${PATCH_TEST_MIN_HOURS_BEFORE} hours and at most ${facts.maxAgeMonths} months before the appointment, and there is none on record. ${offer}`,
  );
}

/**
 * The booking core's patch-test rule: a service that requires a test needs a negative one inside the
 * window before the start. Staff who manage the appointment may override it with a reason; the answer
 * is that reason when one must be kept with the appointment, else null.
 */
export function patchTestOverrideReason(
  actor: Actor,
  appointment: { staffId: string; startsAt: Date },
  serviceName: string,
  overrideReason: string | undefined,
  facts: PatchTestFacts,
): string | null {
  if (!facts.required) return null;
  const { earliest, latest } = patchTestWindow(appointment.startsAt, facts.maxAgeMonths);
  if (facts.negativeTestedAt.some((testedAt) => testedAt >= earliest.getTime() && testedAt <= latest.getTime())) return null;
  if (overrideReason === undefined) throw patchTestRequired(serviceName, facts);
  if (actor.kind !== "user" || !actorCan(actor, "patchTest.override") || !managesAppointment(actor, appointment)) {
    throw new AppError("FORBIDDEN", "Only staff can book or move an appointment without a valid patch test.");
  }
  return overrideReason;
}
