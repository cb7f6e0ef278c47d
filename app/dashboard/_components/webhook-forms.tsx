"use client";

import { CheckboxGroup } from "@/components/dashboard/checkbox-group";
import { RowButtonForm } from "@/components/forms/row-button-form";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { TextField } from "@/components/ui/text-field";
import { createWebhookAction, replayWebhookAction, sendTestWebhookAction, setWebhookEnabledAction } from "@/lib/dashboard/webhook-actions";
import { SUBSCRIBABLE_EVENTS } from "@/lib/webhooks/events";

/** Ticked for a new endpoint: the event most integrations start from. */
const SUGGESTED_EVENTS = ["appointment.created"];

export function CreateWebhookForm() {
  return (
    <SecretOnceForm action={createWebhookAction} secretLabel="Signing secret (shown once)" submitLabel="Add endpoint">
      {(field) => (
        <>
          <TextField
            label="Endpoint URL"
            {...field("url")}
            type="url"
            required
            hint="Events are POSTed here, signed with the Standard Webhooks scheme."
          />
          <TextField label="Description" {...field("description")} />
          <CheckboxGroup
            legend="Events"
            name="events"
            options={SUBSCRIBABLE_EVENTS}
            checked={SUGGESTED_EVENTS}
            error={field("events").error}
          />
        </>
      )}
    </SecretOnceForm>
  );
}

export function SendTestWebhookForm({ endpointId }: { endpointId: string }) {
  return (
    <RowButtonForm action={sendTestWebhookAction} fields={{ endpointId }} label="Send test event" variant="secondary" success inline />
  );
}

export function SetWebhookEnabledForm({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  return (
    <RowButtonForm
      action={setWebhookEnabledAction}
      fields={{ endpointId, enabled: String(!enabled) }}
      label={enabled ? "Disable endpoint" : "Enable endpoint"}
      variant="secondary"
      success
      inline
    />
  );
}

export function ReplayWebhookForm({ endpointId, deliveryId, label }: { endpointId: string; deliveryId: string; label: string }) {
  return (
    <RowButtonForm
      action={replayWebhookAction}
      fields={{ endpointId, deliveryId }}
      label="Replay"
      rowName={label}
      variant="secondary"
      success
    />
  );
}
