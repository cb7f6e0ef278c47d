"use client";

import { RowButtonForm } from "@/components/forms/row-button-form";
import { CheckboxGroup } from "@/components/dashboard/checkbox-group";
import { SecretOnceForm } from "@/components/forms/secret-once-form";
import { TextField } from "@/components/ui/text-field";
import { API_KEY_SCOPES } from "@/lib/api-keys/schema";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/dashboard/api-key-actions";

/** Local dates (salon timezone) bounding the expiry a key may have. */
type ExpiryChoices = { min: string; suggested: string; max: string };

/** Ticked for a new key: the least a key can do. */
const SUGGESTED_SCOPES = ["appointments:read"];

export function CreateApiKeyForm({ expiry }: { expiry: ExpiryChoices }) {
  return (
    <SecretOnceForm
      action={createApiKeyAction}
      secretLabel="New API key (shown once)"
      submitLabel="Create key"
      defaults={{ expiresOn: expiry.suggested }}
    >
      {(field) => (
        <>
          <TextField label="Key name" {...field("name")} />
          <CheckboxGroup legend="Scopes" name="scopes" options={API_KEY_SCOPES} checked={SUGGESTED_SCOPES} error={field("scopes").error} />
          <TextField
            label="Expires on"
            {...field("expiresOn")}
            type="date"
            required
            min={expiry.min}
            max={expiry.max}
            hint="Keys stop working at the end of this day; at most a year from today."
          />
        </>
      )}
    </SecretOnceForm>
  );
}

export function RevokeApiKeyForm({ keyId, name }: { keyId: string; name: string }) {
  return <RowButtonForm action={revokeApiKeyAction} fields={{ keyId }} label="Revoke" rowName={name} variant="secondary" />;
}
