import type { ReactElement } from "react";
import type { AppointmentEmailProps } from "@/emails/components/appointment-email-props";
import type { AppointmentForEmail } from "./data";

/** What the event told us beyond the appointment's current state. */
export type EmailContext = { previousStartsAt?: string; reason?: string | null };

/**
 * One kind of appointment email, declared in the job definition that sends it, so a new kind is its
 * template, that definition and one registry line. The methods (not arrow properties) keep a definition
 * for richer props assignable where any appointment email is expected.
 */
export type AppointmentEmail<P extends AppointmentEmailProps = AppointmentEmailProps> = {
  /** Stored on the EmailMessage and part of its dedupe key: never rename a kind that has been sent. */
  kind: string;
  /** Customer emails carry the calendar file; stylist notices do not (the dashboard is their calendar). */
  to: "customer" | "stylist";
  /**
   * Says the appointment is off: its .ics removes the event (METHOD:CANCEL). Every other email tells
   * someone the appointment is on, so one still queued when the appointment stops being booked (cancelled
   * before the relay got to it) is skipped rather than contradict the cancellation sent after it.
   */
  cancels?: boolean;
  /**
   * Only true for the time and stylist it was planned for (a reminder): it carries the appointment's
   * schedule version (`Appointment.scheduleVersion`) and is skipped once that has moved on.
   */
  followsSchedule?: boolean;
  props(base: AppointmentEmailProps, loaded: AppointmentForEmail, context: EmailContext): P;
  subject(props: P): string;
  template(props: P): ReactElement;
};

/**
 * One email per (appointment, kind, version): the EmailMessage's unique `dedupeKey` and Resend's
 * idempotency key, so redelivery never duplicates.
 */
export function emailDedupeKey(appointmentId: string, kind: string, version: number): string {
  return `${appointmentId}:${kind}:${version}`;
}
