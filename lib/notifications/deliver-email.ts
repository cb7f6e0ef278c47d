import "server-only";
import { logger } from "@/lib/logger";
import { composeAppointmentEmail, type EmailContext } from "./compose-email";
import { findEmailByDedupeKey, getAppointmentForEmail } from "./data";
import { announcesBooking, emailDedupeKey, type EmailKind } from "./email-kinds";
import { insertOrGetEmail, markEmailFailed, markEmailSent } from "./mutations";
import { notificationSettings } from "./settings";
import type { EmailAttachment } from "./transport/mail-transport";
import { selectMailTransport } from "./transport/select-transport";

export type DeliverRequest = { kind: EmailKind; appointmentId: string; version: number } & EmailContext;

export type DeliverOutcome =
  | { status: "sent"; emailId: string; transport: string }
  | { status: "already-sent"; emailId: string }
  | { status: "skipped"; reason: string };

/**
 * The idempotent consumer behind every notification. One EmailMessage per `appointment:kind:version`
 * (insert-or-get on the unique key): already SENT → nothing to do; QUEUED or FAILED → (re)send the stored
 * content, so a retry sends exactly what the first attempt rendered. Reminders carry the appointment's
 * schedule version (see `Appointment.scheduleVersion`), every other kind the version of its event. An
 * email announcing the booking is skipped once the appointment is no longer booked. Throws when the
 * transport fails, so the caller's retry policy applies; the row records every attempt either way.
 */
export async function deliverAppointmentEmail(request: DeliverRequest): Promise<DeliverOutcome> {
  const settings = notificationSettings();
  const dedupeKey = emailDedupeKey(request.appointmentId, request.kind, request.version);
  const existing = await findEmailByDedupeKey(dedupeKey);
  if (existing?.status === "SENT") return { status: "already-sent", emailId: existing.id };

  const loaded = await getAppointmentForEmail(request.appointmentId);
  if (!loaded) return { status: "skipped", reason: "appointment or salon settings not found" };
  const { status, scheduleVersion } = loaded.appointment;
  if (announcesBooking(request.kind) && status !== "BOOKED") return { status: "skipped", reason: `appointment is ${status}` };
  // A reminder is only true for the time and stylist it was scheduled for; a note change moves neither.
  if (request.kind === "reminder" && scheduleVersion !== request.version) {
    return { status: "skipped", reason: "appointment changed since" };
  }

  const transport = selectMailTransport(settings);
  const email =
    existing ??
    (await insertOrGetEmail({
      dedupeKey,
      kind: request.kind,
      appointmentId: request.appointmentId,
      appointmentVersion: request.version,
      transport: transport.name,
      ...(await composeAppointmentEmail(request.kind, request.version, loaded, request, settings)),
    }));
  if (email.status === "SENT") return { status: "already-sent", emailId: email.id };

  try {
    const result = await transport.send({
      emailId: email.id,
      from: settings.emailFrom,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments as EmailAttachment[],
      idempotencyKey: dedupeKey,
    });
    await markEmailSent(email.id, { transport: transport.name, providerMessageId: result.providerMessageId });
    logger.info({ emailId: email.id, kind: request.kind, transport: transport.name }, "email sent");
    return { status: "sent", emailId: email.id, transport: transport.name };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markEmailFailed(email.id, { transport: transport.name, error: message });
    logger.warn({ emailId: email.id, kind: request.kind, err: message }, "email send failed");
    throw error;
  }
}
