import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A resend is a new row in the email log (no dedupe key: it is deliberate), copying the stored content
 * of the original, so the log shows every send and what each one said.
 */
export function insertResendCopy(original: { to: string; kind: string; appointmentId: string | null; appointmentVersion: number | null; subject: string; html: string; text: string; attachments: Prisma.JsonValue }, transport: string) {
  return db.emailMessage.create({
    data: {
      to: original.to,
      kind: original.kind,
      appointmentId: original.appointmentId,
      appointmentVersion: original.appointmentVersion,
      subject: original.subject,
      html: original.html,
      text: original.text,
      attachments: original.attachments ?? [],
      transport,
    },
  });
}
