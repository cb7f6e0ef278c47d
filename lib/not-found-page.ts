import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * A page's read whose NOT_FOUND becomes Next's 404 page (also for a record out of the viewer's sight, so
 * ids cannot be probed); any other error still reaches the error boundary.
 */
export async function withNotFoundPage<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
