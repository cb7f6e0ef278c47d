import { ButtonActionForm } from "@/components/forms/button-action-form";
import { Section } from "@/components/ui/section";
import { rotateCalendarFeedAction } from "@/lib/calendar-feed/actions";

/** The stylist's private calendar subscription: a new link on demand, which ends the previous one. */
export function CalendarFeedSection({ hasFeed }: { hasFeed: boolean }) {
  return (
    <Section id="calendar-feed" title="Calendar on your phone" className="mt-8">
      <p className="mb-3 max-w-2xl text-sm text-stone-700">
        Subscribe to your appointments (customer first name and service only) and time off in any calendar app.
        {hasFeed
          ? " You have a link; a new one stops the old one working, e.g. if you shared it by mistake."
          : " The link is private: anyone who has it sees your appointments."}
      </p>
      <ButtonActionForm
        action={rotateCalendarFeedAction}
        fields={{}}
        label={hasFeed ? "Replace my calendar link" : "Create my calendar link"}
        pendingLabel="Creating…"
        variant="secondary"
        buttonClassName="self-start"
        success
      />
    </Section>
  );
}
