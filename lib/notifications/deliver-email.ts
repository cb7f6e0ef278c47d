import "server-only";
import type { AppointmentEmailProps } from "@/emails/components/appointment-email-props";
import { logger } from "@/lib/logger";
import { emailDedupeKey, type AppointmentEmail, type EmailContext } from "./appointment-email";
import { composeAppointmentEmail } from "./compose-email";
import { findEmailByDedupeKey, firstSegmentOf, getAppointmentForEmail } from "./data";
import { insertOrGetEmail } from "./mutations";
import { sendStoredEmail } from "./send-stored-email";
import { notificationSettings } from "./settings";
import { selectMailTransport } from "./transport/select-transport";

export type DeliverRequest = { appointmentId: string; version: number } & EmailContext;

export type DeliverOutcome =
  | { status: "sent"; emailId: string; transport: string }
  | { status: "already-sent"; emailId: string }
  | { status: "skipped"; reason: string };

/**
 * The idempotent consumer behind every notification. One EmailMessage per `appointment:kind:version`
 * (insert-or-get on the unique key): already SENT → nothing to do; QUEUED or FAILED → (re)send the stored
 * content, so a retry sends exactly what the first attempt rendered. An email that follows the schedule
 * carries the appointment's schedule version, every other kind the version of its event. An email
 * announcing the booking is skipped once the appointment is no longer booked. Throws when the transport
 * fails, so the caller's retry policy applies; the row records every attempt either way.
 */
export async function deliverAppointmentEmail<P extends AppointmentEmailProps>(
  email: AppointmentEmail<P>,
  request: DeliverRequest,
): Promise<DeliverOutcome> {
  const settings = notificationSettings();
  const dedupeKey = emailDedupeKey(request.appointmentId, email.kind, request.version);
  const existing = await findEmailByDedupeKey(dedupeKey);
  if (existing?.status === "SENT") return { status: "already-sent", emailId: existing.id };

  const loaded = await getAppointmentForEmail(request.appointmentId);
  if (!loaded) return { status: "skipped", reason: "appointment or salon settings not found" };
  const { status, scheduleVersion } = loaded.appointment;
  if (!email.cancels && status !== "BOOKED") return { status: "skipped", reason: `appointment is ${status}` };
  // A note change moves neither the time nor the stylist, so it leaves the schedule version alone.
  if (email.followsSchedule && scheduleVersion !== request.version) return { status: "skipped", reason: "appointment changed since" };

  const transport = selectMailTransport(settings);
  const stored =
    existing ??
    (await insertOrGetEmail({
      dedupeKey,
      kind: email.kind,
      appointmentId: request.appointmentId,
      appointmentVersion: request.version,
      transport: transport.name,
      ...(await composeAppointmentEmail(email, request.version, loaded, request, settings)),
    }));
  if (stored.status === "SENT") return { status: "already-sent", emailId: stored.id };

  try {
    await sendStoredEmail(stored, { transport, from: settings.emailFrom, idempotencyKey: dedupeKey });
  } catch (error) {
    logger.warn({ emailId: stored.id, kind: email.kind, err: error instanceof Error ? error.message : String(error) }, "email send failed");
    throw error;
  }
  logger.info({ emailId: stored.id, kind: email.kind, transport: transport.name }, "email sent");
  return { status: "sent", emailId: stored.id, transport: transport.name };
}

/**
 * One email about a whole visit, sent through its first segment (which loads every segment with it):
 * keyed by that segment, the visit email's own kind and the visit's version.
 */
export async function deliverVisitEmail<P extends AppointmentEmailProps>(
  email: AppointmentEmail<P>,
  request: { visitId: string; version: number } & EmailContext,
): Promise<DeliverOutcome> {
  const { visitId, ...rest } = request;
  const appointmentId = await firstSegmentOf(visitId);
  if (!appointmentId) return { status: "skipped", reason: "visit not found" };
  return deliverAppointmentEmail(email, { ...rest, appointmentId });
}
