import type { AppointmentView } from "@/lib/booking/appointment-view";
import type { TAppointmentStatus } from "@/lib/booking/schema";

/**
 * A visit as every entry point hands it out: its segments (appointment views, in order) and what they
 * add up to. The version is the sum of the segments' versions, so it moves whenever any segment changes
 * (a staff member cancelling or reassigning one segment included) and needs no column of its own.
 */
export type VisitView = {
  id: string;
  customerId: string;
  customer: AppointmentView["customer"];
  status: TAppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  priceCents: number;
  currency: string;
  note: string | null;
  version: number;
  segments: AppointmentView[];
};

/**
 * BOOKED while any segment is; PENDING_PAYMENT while it is held for its one deposit; otherwise how it
 * ended (cancelled only when every segment was).
 */
function visitStatus(segments: readonly AppointmentView[]): TAppointmentStatus {
  const statuses = new Set(segments.map((segment) => segment.status));
  if (statuses.has("BOOKED")) return "BOOKED";
  if (statuses.has("PENDING_PAYMENT")) return "PENDING_PAYMENT";
  if (statuses.size === 1) return segments[0]!.status;
  return statuses.has("COMPLETED") ? "COMPLETED" : "NO_SHOW";
}

export function toVisitView(id: string, segments: AppointmentView[]): VisitView {
  const first = segments[0]!;
  // Times and price count what is still on: a segment staff cancelled no longer takes time or money.
  const active = segments.filter((segment) => segment.status !== "CANCELLED");
  const counted = active.length > 0 ? active : segments;
  return {
    id,
    customerId: first.customerId,
    customer: first.customer,
    status: visitStatus(segments),
    startsAt: counted[0]!.startsAt,
    endsAt: counted[counted.length - 1]!.endsAt,
    priceCents: counted.reduce((total, segment) => total + segment.priceCents, 0),
    currency: first.currency,
    note: first.note,
    version: segments.reduce((total, segment) => total + segment.version, 0),
    segments,
  };
}
