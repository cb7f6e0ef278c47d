import { AppError } from "@/lib/errors";
import type { PaymentProvider } from "./provider";
import { paymentSettings } from "./settings";
import { stripeClientOf, stripeProvider } from "./stripe-provider";
import { testCheckoutProvider } from "./test-checkout-provider";

let cached: { key: string; provider: PaymentProvider } | undefined;

/** The provider the settings name; constructed lazily (a module-level client would break the build). */
export function selectPaymentProvider(): PaymentProvider {
  const settings = paymentSettings();
  const key = `${settings.provider}:${settings.stripe?.baseUrl ?? ""}:${settings.appUrl}`;
  if (cached?.key === key) return cached.provider;
  let provider: PaymentProvider;
  if (settings.provider === "stripe" && settings.stripe)
    provider = stripeProvider(stripeClientOf(settings.stripe.secretKey, settings.stripe.baseUrl));
  else if (settings.provider === "test-checkout") provider = testCheckoutProvider(settings.appUrl);
  else throw new AppError("PAYMENT_PROVIDER_UNAVAILABLE", "Payments are not set up on this server.");
  cached = { key, provider };
  return provider;
}
