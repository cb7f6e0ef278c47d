import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** What `load` resolves to, or Next's 404 page when the core says NOT_FOUND (missing, or out of sight). */
export async function orNotFoundPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
