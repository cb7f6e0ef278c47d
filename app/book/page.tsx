import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/session";
import { selectionSummaryRows } from "@/lib/customer-portal/selection-summary";
import { currentStep, parseSelection, ANY_STAFF, selectedServiceIds, selectionHref, withServices } from "@/lib/customer-portal/selection";
import { bookableMonths } from "@/lib/customer-portal/bookable-months";
import { getSalonSettings } from "@/lib/salon/data";
import { PATCH_TEST_MIN_HOURS_BEFORE } from "@/lib/patch-tests/validity";
import { listActiveServices, type ServiceSummary } from "@/lib/services/data";
import { listStaff, type StaffMember } from "@/lib/staff/data";
import { salonLocalDate } from "@/lib/time/format-when";
import { depositCentsOf, paymentNeedOf } from "@/lib/payments/deposit-policy";
import { paymentPolicyLines } from "@/lib/payments/policy-text";
import { getVisitAvailability } from "@/lib/visits/data";
import { BookingSummary } from "./_components/booking-summary";
import { DetailsStep } from "./_components/details-step";
import { ReviewStep } from "./_components/review-step";
import { ServiceStep } from "./_components/service-step";
import { StaffStep } from "./_components/staff-step";
import { StepsNav } from "./_components/steps-nav";
import { TimeStep } from "./_components/time-step";
import type { VisitSegmentLine } from "./_components/visit-segments";

export const metadata: Metadata = { title: "Book an appointment" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Stylists who perform every chosen service, in the first service's order. */
async function stylistsForAll(services: ServiceSummary[]): Promise<StaffMember[]> {
  const lists = await Promise.all(services.map((service) => listStaff({ serviceId: service.id, limit: 50 })));
  const [first = [], ...rest] = lists;
  return first.filter((stylist) => rest.every((list) => list.some((other) => other.id === stylist.id)));
}

/**
 * The visit as it would be booked at the chosen start: the engine's own layout (who does what, when),
 * or null when that start no longer fits the whole sequence.
 */
async function visitLayout(services: ServiceSummary[], staff: string, start: string): Promise<VisitSegmentLine[] | null> {
  const from = new Date(start);
  const answer = await getVisitAvailability({
    items: services.map((service) => ({ serviceId: service.id, staffId: staff === ANY_STAFF ? null : staff })),
    from,
    to: new Date(from.getTime() + 60_000),
  });
  const slot = answer.slots.find((candidate) => candidate.startsAt.getTime() === from.getTime());
  return (
    slot?.segments.map((segment, index) => ({
      serviceName: services[index]!.name,
      staffName: segment.staffName,
      startsAt: segment.startsAt,
      endsAt: segment.endsAt,
      priceCents: services[index]!.priceCents,
    })) ?? null
  );
}

/** The whole flow is one page driven by the URL: each step is a link or a GET form to the next. */
export default async function BookPage({ searchParams }: Props) {
  const raw = parseSelection(await searchParams);
  const [salon, services, user] = await Promise.all([getSalonSettings(), listActiveServices(), currentUser()]);
  // Unknown ids (an old link, a retired service) drop out instead of failing.
  const chosen = selectedServiceIds(raw).flatMap((id) => services.filter((candidate) => candidate.id === id));
  const [service] = chosen;
  const isVisit = chosen.length > 1;
  const stylists = chosen.length > 0 ? await stylistsForAll(chosen) : [];
  const stylist = stylists.find((candidate) => candidate.id === raw.staff);
  const selection = {
    ...raw,
    ...withServices(
      raw,
      chosen.map((candidate) => candidate.id),
    ),
    staff: raw.staff === ANY_STAFF || stylist ? raw.staff : undefined,
  };
  const step = currentStep(selection);
  const rows = selectionSummaryRows(selection, { services: chosen, stylistName: stylist?.name, salon });
  // What the customer will be asked to pay, before they confirm (the same words as the checkout's): a
  // visit pays once for every service, its deposits added up.
  const paymentPolicy = chosen.some((candidate) => paymentNeedOf(candidate, candidate.priceCents, salon))
    ? paymentPolicyLines({
        ...salon,
        depositCents: chosen.reduce((total, candidate) => total + depositCentsOf(candidate, candidate.priceCents), 0),
        cardRequired: chosen.some((candidate) => candidate.cardRequired),
        currency: service!.currency,
        locale: salon.locale,
      })
    : [];
  const patchService = chosen.find((candidate) => candidate.requiresPatchTest);
  const chosenIds = chosen.map((candidate) => candidate.id);

  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-3xl font-bold text-stone-900">Book an appointment</h1>
      <StepsNav current={step} />
      <div className={step === "service" ? "" : "grid gap-8 lg:grid-cols-[1fr_18rem]"}>
        <div>
          {step === "service" &&
            (selection.step === "add" && service ? (
              <ServiceStep
                services={services.filter((candidate) => !chosenIds.includes(candidate.id))}
                locale={salon.locale}
                hrefFor={(id) => selectionHref("/book", withServices(selection, [...chosenIds, id]))}
                adding={{ backHref: selectionHref("/book", withServices(selection, chosenIds)), count: chosen.length }}
              />
            ) : (
              <ServiceStep services={services} locale={salon.locale} hrefFor={(id) => selectionHref("/book", { service: id })} />
            ))}
          {step === "staff" && <StaffStep selection={selection} services={chosen} stylists={stylists} />}
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
                patchService
                  ? {
                      rule: `${patchService.name} needs a patch test on record, done at least ${PATCH_TEST_MIN_HOURS_BEFORE} hours and at most ${salon.patchTestMaxAgeMonths} months before your appointment. If you have not had one with us, book the patch test first.`,
                      patchService: services.find((candidate) => candidate.id === salon.patchTestServiceId) ?? null,
                    }
                  : null
              }
              visit={
                isVisit && selection.staff && selection.start
                  ? {
                      segments: await visitLayout(chosen, selection.staff, selection.start),
                      currency: service!.currency,
                      salon,
                      timesHref: selectionHref("/book", { ...selection, start: undefined, step: undefined }),
                    }
                  : undefined
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
