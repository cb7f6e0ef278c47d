import "server-only";
import { notFound } from "next/navigation";
import { actorOf, type SessionUser } from "@/lib/auth/session";
import { getAppointment } from "@/lib/booking/data";
import { isAppError } from "@/lib/errors";

/** The signed-in customer's appointment, or the 404 page (also for someone else's id: no probing). */
export async function loadOwnAppointment(user: SessionUser, id: string) {
  try {
    return await getAppointment(actorOf(user), id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
