import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/session";
import { selectionSummaryRows } from "@/lib/customer-portal/selection-summary";
import { currentStep, parseSelection, ANY_STAFF } from "@/lib/customer-portal/selection";
import { bookableMonths } from "@/lib/customer-portal/bookable-months";
import { getSalonSettings } from "@/lib/salon/data";
import { PATCH_TEST_MIN_HOURS_BEFORE } from "@/lib/patch-tests/validity";
import { listActiveServices } from "@/lib/services/data";
import { listStaff } from "@/lib/staff/data";
import { salonLocalDate } from "@/lib/time/format-when";
import { depositCentsOf, paymentNeedOf } from "@/lib/payments/deposit-policy";
import { paymentPolicyLines } from "@/lib/payments/policy-text";
import { BookingSummary } from "./_components/booking-summary";
import { DetailsStep } from "./_components/details-step";
import { ReviewStep } from "./_components/review-step";
import { ServiceStep } from "./_components/service-step";
import { StaffStep } from "./_components/staff-step";
import { StepsNav } from "./_components/steps-nav";
import { TimeStep } from "./_components/time-step";

export const metadata: Metadata = { title: "Book an appointment" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The whole flow is one page driven by the URL: each step is a link or a GET form to the next. */
export default async function BookPage({ searchParams }: Props) {
  const raw = parseSelection(await searchParams);
  const [salon, services, user] = await Promise.all([getSalonSettings(), listActiveServices(), currentUser()]);
  const service = services.find((candidate) => candidate.id === raw.service);
  const stylists = service ? await listStaff({ serviceId: service.id, limit: 50 }) : [];
  const stylist = stylists.find((candidate) => candidate.id === raw.staff);
  // Unknown ids (an old link, a retired service) drop back to that step instead of failing.
  const selection = {
    ...raw,
    service: service?.id,
    staff: raw.staff === ANY_STAFF || stylist ? raw.staff : undefined,
  };
  const step = currentStep(selection);
  const rows = selectionSummaryRows(selection, { service, stylistName: stylist?.name, salon });
  // What the customer will be asked to pay, before they confirm (the same words as the checkout's).
  const paymentPolicy =
    service && paymentNeedOf(service, service.priceCents, salon)
      ? paymentPolicyLines({ ...salon, ...service, depositCents: depositCentsOf(service, service.priceCents), locale: salon.locale })
      : [];

  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-3xl font-bold text-stone-900">Book an appointment</h1>
      <StepsNav current={step} />
      <div className={step === "service" ? "" : "grid gap-8 lg:grid-cols-[1fr_18rem]"}>
        <div>
          {step === "service" && <ServiceStep services={services} locale={salon.locale} />}
          {step === "staff" && <StaffStep selection={selection} stylists={stylists} />}
          {step === "time" && (
            <TimeStep
              selection={selection}
              months={bookableMonths(salon)}
              locale={salon.locale}
              timezoneNote={`Times are shown in the salon's local time (${salon.timezone.replace("_", " ")}).`}
              signedIn={user !== null}
              today={salonLocalDate(new Date(), salon.timezone)}
            />
          )}
          {step === "details" && <DetailsStep selection={selection} />}
          {step === "review" && (
            <ReviewStep
              selection={selection}
              user={user}
              cancelPolicy={`You can cancel or reschedule online up to ${Math.round(salon.cancelCutoffMinutes / 60)} hours before.`}
              paymentPolicy={paymentPolicy}
              patchTest={
                service?.requiresPatchTest
                  ? {
                      rule: `${service.name} needs a patch test on record, done at least ${PATCH_TEST_MIN_HOURS_BEFORE} hours and at most ${salon.patchTestMaxAgeMonths} months before your appointment. If you have not had one with us, book the patch test first.`,
                      patchService: services.find((candidate) => candidate.id === salon.patchTestServiceId) ?? null,
                    }
                  : null
              }
            />
          )}
        </div>
        {step !== "service" && (
          <aside aria-label="Your selection">
            <BookingSummary rows={rows} />
          </aside>
        )}
      </div>
    </main>
  );
}
