"use client";

import { RowButtonForm } from "@/components/forms/row-button-form";
import { RowOutcome } from "@/components/forms/row-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectField, SelectOptions } from "@/components/dashboard/select-field";
import { SubmitRow } from "@/components/forms/submit-row";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/text-field";
import { STAFF_ROLES } from "@/lib/auth/actor";
import { roleLabels } from "@/lib/dashboard/labels";
import { changeRoleAction, inviteMemberAction, setAccountStateAction } from "@/lib/team/actions";

const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: roleLabels[role] }));

export function InviteMemberForm() {
  const actionForm = useActionForm(inviteMemberAction);
  const { state, pending } = actionForm;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <ActionForm form={actionForm} className="grid max-w-xl gap-4" success>
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="off"
        required
        defaultValue={values?.email}
        error={state.fieldErrors?.email}
      />
      <SelectField
        label="Role"
        name="role"
        options={roleOptions}
        defaultValue={values?.role ?? "STYLIST"}
        error={state.fieldErrors?.role}
      />
      <SubmitRow pending={pending}>Send invitation</SubmitRow>
    </ActionForm>
  );
}

type Member = { id: string; name: string; role: string };

/** One row's role picker; the label names the person so a screen reader hears whose role it is. */
export function RoleForm({ member }: { member: Member }) {
  const { state, formAction, pending } = useActionForm(changeRoleAction);
  const id = `role-${member.id}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={member.id} />
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="sr-only">
          Role of {member.name}
        </label>
        <select
          id={id}
          name="role"
          defaultValue={member.role}
          className="min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 text-stone-900"
        >
          <SelectOptions options={roleOptions} />
        </select>
      </div>
      <Button type="submit" variant="secondary" pending={pending}>
        Save<span className="sr-only"> role of {member.name}</span>
      </Button>
      <RowOutcome state={state} success className="w-full" />
    </form>
  );
}

/** Disable (or enable again) any account; disabling says what it does before it is pressed. */
export function AccountStateForm({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  return (
    <RowButtonForm
      action={setAccountStateAction}
      fields={{ userId, state: disabled ? "enabled" : "disabled" }}
      label={disabled ? "Enable" : "Disable"}
      rowName={`the account of ${name}`}
      variant={disabled ? "secondary" : "danger"}
      className="flex flex-col items-start gap-1"
      success
    />
  );
}
