import "server-only";
import { AppError } from "@/lib/errors";
import { paymentNeedOf, type DepositRule, type SalonFees } from "@/lib/payments/deposit-policy";
import { getSalonSettings } from "@/lib/salon/data";
import { listActiveServices } from "@/lib/services/data";

/**
 * Deposits and card holds belong to the single-appointment path (one Checkout per appointment): the
 * visit core books every segment BOOKED and takes no payment. Rather than let a visit skip a deposit
 * the salon asks for, a visit that includes such a service is not booked online.
 */
export const VISIT_PAYMENT_REFUSED =
  "A service you chose takes a deposit online, which we cannot take for a visit of several services yet. Book that service on its own, or call the salon.";

export function visitNeedsOnlinePayment(services: readonly (DepositRule & { priceCents: number })[], fees: SalonFees): boolean {
  return services.length > 1 && services.some((service) => paymentNeedOf(service, service.priceCents, fees) !== null);
}

export async function assertNoOnlinePayment(serviceIds: readonly string[]): Promise<void> {
  const [services, salon] = await Promise.all([listActiveServices(), getSalonSettings()]);
  const chosen = services.filter((service) => serviceIds.includes(service.id));
  if (visitNeedsOnlinePayment(chosen, salon)) throw new AppError("VALIDATION", VISIT_PAYMENT_REFUSED);
}
