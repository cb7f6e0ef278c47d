"use client";

import { SelectField } from "@/components/dashboard/select-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { TwoColumnActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { updateSettingsAction } from "@/lib/dashboard/admin-actions";

type NumberField = [name: string, label: string, hint: string];

/** The number settings in the form's sections: each a fieldset with its legend. */
const numberSections: Array<{ legend: string; fields: NumberField[] }> = [
  {
    legend: "Booking rules",
    fields: [
      ["slotStepMinutes", "Slot step (minutes)", "Start times offered to customers: 5, 10, 15, 20, 30 or 60."],
      ["minNoticeMinutes", "Minimum notice (minutes)", "How soon before a start time customers can still book."],
      ["bookingHorizonDays", "Booking horizon (days)", "How far ahead customers can book."],
      ["cancelCutoffMinutes", "Cancellation cutoff (minutes)", "Customers cannot cancel later than this before the start."],
      ["rescheduleCutoffMinutes", "Reschedule cutoff (minutes)", "Customers cannot reschedule later than this before the start."],
      ["reminderLeadMinutes", "Reminder lead time (minutes)", "When the reminder email goes out before the appointment."],
      [
        "maxFutureBookingsPerCustomer",
        "Upcoming bookings per customer",
        "How many upcoming appointments a customer may hold when booking online or through the API. Staff can always book more.",
      ],
      [
        "patchTestMaxAgeMonths",
        "Patch test valid for (months)",
        "A patch test counts for services that need one when done at least 48 hours and at most this many months before.",
      ],
    ],
  },
  {
    legend: "Waitlist",
    fields: [
      ["maxWaitlistEntriesPerCustomer", "Waitlist entries per customer", "How many times one customer may wait for at once."],
      ["waitlistHoldMinutes", "Waitlist hold (minutes)", "One-at-a-time offers: how long each customer holds a freed time."],
    ],
  },
  {
    legend: "Deposits and fees",
    fields: [
      [
        "paymentHoldMinutes",
        "Payment hold (minutes)",
        "How long a time waiting for its deposit is held before it is offered again. A payment that arrives later books it only if it is still free; otherwise it is refunded.",
      ],
      ["lateCancelWindowMinutes", "Late-cancellation window (minutes)", "Cancelling later than this before the start keeps the deposit."],
      ["lateCancelFeeCents", "Late-cancellation fee (pence)", "Charged to the saved card on a late cancellation; 0 for none."],
      ["noShowFeeCents", "No-show fee (pence)", "Charged to the saved card when staff press “Charge no-show fee”; 0 for none."],
    ],
  },
];

const depositCounts = [
  { value: "true", label: "Yes: the deposit is taken off the price" },
  { value: "false", label: "No: the deposit is kept on top of the price" },
];

const offerModes = [
  { value: "ALL_AT_ONCE", label: "Everyone matching at once (first to book wins)" },
  { value: "ONE_AT_A_TIME", label: "One at a time, in the order they joined" },
];

type Props = { defaults: Record<string, string>; services: Array<{ value: string; label: string }> };

export function SettingsForm({ defaults, services }: Props) {
  const actionForm = useActionForm(updateSettingsAction, { defaults });
  const { fieldProps } = actionForm;
  return (
    <TwoColumnActionForm form={actionForm} submitLabel="Save settings" success>
      <TextField label="Salon name" {...fieldProps("name")} />
      <TextField label="Timezone (IANA)" {...fieldProps("timezone")} hint="For example Europe/London." />
      <TextField
        label="Language and region (locale)"
        {...fieldProps("locale")}
        hint="How dates, times and prices are written on every page, email and report: a language tag such as en-GB, de-DE or fr-FR."
      />
      <TextField className="sm:col-span-2" label="Address" {...fieldProps("address")} />
      {numberSections.map(({ legend, fields }) => (
        <fieldset key={legend} className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
          <legend className="mb-1 text-base font-semibold text-stone-900">{legend}</legend>
          {fields.map(([name, label, hint]) => (
            <TextField key={name} label={label} {...fieldProps(name)} type="number" min={0} hint={hint} />
          ))}
        </fieldset>
      ))}
      <SelectField label="Who hears of a freed time first" options={offerModes} {...fieldProps("waitlistOfferMode")} />
      <SelectField label="Deposit counts toward the price" options={depositCounts} {...fieldProps("depositCountsTowardPrice")} />
      <SelectField label="Patch test service" {...fieldProps("patchTestServiceId")} options={[{ value: "", label: "None" }, ...services]} />
    </TwoColumnActionForm>
  );
}
