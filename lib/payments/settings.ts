import { parseServerEnv } from "@/lib/env";

/**
 * Who takes payments, decided once per process: Stripe when a secret key is set, otherwise (outside
 * production) the development test checkout, otherwise nobody, and then deposits cannot be switched
 * on. Kept apart from `env()` so tests can switch provider (`resetPaymentSettings()`).
 */
export type PaymentSettings = {
  provider: "stripe" | "test-checkout" | "none";
  stripe?: { secretKey: string; baseUrl?: string };
  /** Verifies (and, for the test checkout, signs) the events posted to /api/stripe/webhook. */
  webhookSecret: string | null;
  appUrl: string;
};

/** The test checkout signs with this when no webhook secret is configured (never in production). */
export const TEST_CHECKOUT_WEBHOOK_SECRET = "whsec_pamper_book_test_checkout";

let cached: PaymentSettings | undefined;

export function paymentSettings(): PaymentSettings {
  if (cached) return cached;
  const env = parseServerEnv(process.env);
  // An end-to-end run of the production build opts in to the test checkout, which production never has.
  const production = env.NODE_ENV === "production" && !env.PAYMENTS_TEST_CHECKOUT;
  const provider = env.STRIPE_SECRET_KEY ? "stripe" : production ? "none" : "test-checkout";
  cached = {
    provider,
    stripe: env.STRIPE_SECRET_KEY ? { secretKey: env.STRIPE_SECRET_KEY, baseUrl: env.STRIPE_API_BASE_URL } : undefined,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? (production ? null : TEST_CHECKOUT_WEBHOOK_SECRET),
    appUrl: env.APP_URL.replace(/\/+$/, ""),
  };
  return cached;
}

export function resetPaymentSettings(): void {
  cached = undefined;
}

/** The link that sends the customer of a hold to its checkout (the appointment's random id is its secret). */
export function paymentLinkOf(appointmentId: string): string {
  return `${paymentSettings().appUrl}/appointments/${appointmentId}/pay`;
}

/** Why deposits cannot be switched on here, or null when they can. */
export function depositsUnavailableReason(settings: PaymentSettings = paymentSettings()): string | null {
  return settings.provider === "none"
    ? "Deposits and fees need Stripe: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (docs/PAYMENTS.md)."
    : null;
}
