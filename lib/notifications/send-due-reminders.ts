import "server-only";
import { logger } from "@/lib/logger";
import { listAppointmentsDueForReminder } from "./data";
import { deliverAppointmentEmail } from "./deliver-email";
import { reminderEmail, visitReminderEmail } from "./jobs/definitions/send-reminder";

/**
 * Reminders without Inngest. The embedded runner cannot sleep for a day, so instead each publisher pass
 * (after a request, or `npm run outbox:relay`) sends the reminders that have come due. The dedupe key is
 * the same as the Inngest reminder's (`appointment:reminder:version`, `first segment:visit-reminder:version`
 * for a visit), so the two can never both send.
 */
export async function sendDueReminders(now = new Date()): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  for (const appointment of await listAppointmentsDueForReminder(now)) {
    try {
      const email = appointment.ofVisit ? visitReminderEmail : reminderEmail;
      const outcome = await deliverAppointmentEmail(email, { appointmentId: appointment.id, version: appointment.version });
      if (outcome.status === "sent") result.sent++;
    } catch (error) {
      // Recorded on the EmailMessage row; the next pass retries (up to five attempts in all).
      result.failed++;
      logger.warn({ appointmentId: appointment.id, err: error instanceof Error ? error.message : String(error) }, "reminder failed");
    }
  }
  return result;
}
