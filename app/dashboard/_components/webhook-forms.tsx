"use client";

import { CheckboxGroup } from "@/components/dashboard/checkbox-group";
import { RowButtonForm } from "@/components/forms/row-button-form";
import { SubmitRow } from "@/components/forms/submit-row";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { createWebhookAction, replayWebhookAction, sendTestWebhookAction, setWebhookEnabledAction } from "@/lib/dashboard/webhook-actions";
import { SUBSCRIBABLE_EVENTS } from "@/lib/webhooks/events";

export function CreateWebhookForm() {
  const { state, formAction, pending } = useActionForm(createWebhookAction);
  const secret = state.status === "success" ? state.values?.secret : undefined;
  return (
    <form action={formAction} className="grid max-w-3xl gap-4">
      <FormMessage tone={secret ? "success" : "error"} message={state.status === "idle" ? undefined : state.message} />
      {secret && <TextField label="Signing secret (shown once)" name="secret" readOnly value={secret} className="font-mono" />}
      <TextField
        label="Endpoint URL"
        name="url"
        type="url"
        required
        hint="Events are POSTed here, signed with the Standard Webhooks scheme."
        defaultValue={secret ? "" : state.values?.url}
        error={state.fieldErrors?.url}
      />
      <TextField
        label="Description"
        name="description"
        defaultValue={secret ? "" : state.values?.description}
        error={state.fieldErrors?.description}
      />
      <CheckboxGroup
        legend="Events"
        name="events"
        options={SUBSCRIBABLE_EVENTS.map((type) => ({ value: type, label: type }))}
        checked={["appointment.created"]}
      />
      {state.fieldErrors?.events && <p className="text-sm font-medium text-red-700">{state.fieldErrors.events}</p>}
      <SubmitRow pending={pending}>Add endpoint</SubmitRow>
    </form>
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
      label={
        <>
          Replay<span className="sr-only"> {label}</span>
        </>
      }
      variant="secondary"
      success
    />
  );
}
