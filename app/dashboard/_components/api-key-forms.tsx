"use client";

import { RowButtonForm } from "@/components/forms/row-button-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxGroup } from "@/components/dashboard/checkbox-group";
import { SubmitRow } from "@/components/forms/submit-row";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { API_KEY_SCOPES } from "@/lib/api-keys/schema";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/dashboard/api-key-actions";

/** Local dates (salon timezone) bounding the expiry a key may have. */
type ExpiryChoices = { min: string; suggested: string; max: string };

export function CreateApiKeyForm({ expiry }: { expiry: ExpiryChoices }) {
  const { state, formAction, pending } = useActionForm(createApiKeyAction);
  const secret = state.status === "success" ? state.values?.secret : undefined;
  return (
    <form action={formAction} className="grid max-w-3xl gap-4">
      <FormMessage tone={secret ? "success" : "error"} message={state.status === "idle" ? undefined : state.message} />
      {secret && <TextField label="New API key (shown once)" name="secret" readOnly value={secret} className="font-mono" />}
      <TextField label="Key name" name="name" defaultValue={secret ? "" : state.values?.name} error={state.fieldErrors?.name} />
      <CheckboxGroup
        legend="Scopes"
        name="scopes"
        options={API_KEY_SCOPES.map((scope) => ({ value: scope, label: scope }))}
        checked={["appointments:read"]}
      />
      {state.fieldErrors?.scopes && <p className="text-sm font-medium text-red-700">{state.fieldErrors.scopes}</p>}
      <TextField
        label="Expires on"
        name="expiresOn"
        type="date"
        required
        min={expiry.min}
        max={expiry.max}
        hint="Keys stop working at the end of this day; at most a year from today."
        defaultValue={(secret ? undefined : state.values?.expiresOn) ?? expiry.suggested}
        error={state.fieldErrors?.expiresOn}
      />
      <SubmitRow pending={pending}>Create key</SubmitRow>
    </form>
  );
}

export function RevokeApiKeyForm({ keyId, name }: { keyId: string; name: string }) {
  return (
    <RowButtonForm
      action={revokeApiKeyAction}
      fields={{ keyId }}
      label={
        <>
          Revoke<span className="sr-only"> {name}</span>
        </>
      }
      variant="secondary"
    />
  );
}
