import type { z } from "zod";
import type { ApiPrincipal } from "@/lib/api/authenticate";
import type { ZApiCreateAppointmentBody } from "@/lib/api/schemas/appointments";
import type { ZApiCreateVisitBody } from "@/lib/api/schemas/visits";
import type { TBookAppointmentInput } from "@/lib/booking/schema";
import type { TBookVisitInput } from "@/lib/visits/schema";
import { can, managesAppointment } from "@/lib/auth/permissions";
import { findOrCreateCustomer } from "@/lib/customers/mutations";
import { AppError } from "@/lib/errors";

type CreateBody = z.output<typeof ZApiCreateAppointmentBody>;

function invalid(path: string, message: string): AppError {
  return new AppError("VALIDATION", message, [{ path, message }]);
}

/**
 * Whom a booking (or waitlist entry) is for. A key without staff powers over it (a customer's, or a
 * stylist's for a colleague's column) acts for its owner: naming anyone else is refused (mass
 * assignment), not silently corrected. A key with them names the customer by id or by name and email.
 */
export async function customerIdFor(
  principal: ApiPrincipal,
  body: Pick<CreateBody, "customerId" | "customer">,
  staffPowers: boolean,
): Promise<string> {
  if (!staffPowers) {
    // A stylist's key reaches this branch only for a colleague's column: say so, or the refusal reads as a bug.
    const whose = can(principal.owner.role, "appointment.manageOwn")
      ? "A stylist's key books for other customers only in its owner's own column (`staffId`)"
      : "A customer's key books for its own customer";
    if (body.customer) throw invalid("customer", `${whose}; omit \`customer\`.`);
    if (body.customerId && body.customerId !== principal.owner.id) throw invalid("customerId", `${whose}; omit \`customerId\`.`);
    return principal.owner.id;
  }
  if (body.customerId && body.customer) throw invalid("customer", "Give either `customerId` or `customer`, not both.");
  if (body.customerId) return body.customerId;
  if (body.customer) return (await findOrCreateCustomer(body.customer)).id;
  throw invalid("customerId", "Give `customerId` or `customer: {name, email}`.");
}

export async function bookingInputFor(principal: ApiPrincipal, body: CreateBody): Promise<TBookAppointmentInput> {
  return {
    customerId: await customerIdFor(principal, body, managesAppointment(principal.actor, { staffId: body.staffId })),
    serviceId: body.serviceId,
    staffId: body.staffId ?? null,
    startsAt: new Date(body.startsAt),
    ...(body.note !== undefined && { note: body.note }),
    ...(body.patchTestOverrideReason !== undefined && { patchTestOverrideReason: body.patchTestOverrideReason }),
    ...(body.payment !== undefined && { payment: body.payment }),
    source: "API",
  };
}

/** A visit's booking input: staff powers only when the key manages every segment's chosen stylist. */
export async function visitInputFor(principal: ApiPrincipal, body: z.output<typeof ZApiCreateVisitBody>): Promise<TBookVisitInput> {
  const staffPowers = body.items.every((item) => managesAppointment(principal.actor, { staffId: item.staffId }));
  return {
    customerId: await customerIdFor(principal, body, staffPowers),
    startsAt: new Date(body.startsAt),
    items: body.items,
    ...(body.sameStylist !== undefined && { sameStylist: body.sameStylist }),
    ...(body.note !== undefined && { note: body.note }),
    ...(body.payment !== undefined && { payment: body.payment }),
    source: "API",
  };
}
