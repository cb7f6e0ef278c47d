import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { errorState, formValues, validationState, type ActionState } from "@/lib/action-state";
import type { UserActor } from "@/lib/auth/actor";
import { requirePermission, userForAction } from "@/lib/auth/gates";
import type { PermissionNeed } from "@/lib/auth/permissions";
import { actorOf, type SessionUser } from "@/lib/auth/session";
import { isAppError, type ErrorCode } from "@/lib/errors";

/** What a form's action answers: a state for the form, or (once the change is made) a page to go to. */
export type ActionOutcome = ActionState | { redirect: string };

type Signed = { user: SessionUser; actor: UserActor };

/** Public actions (`permission: null`) have no signed-in user to hand on; the others always do. */
type Who<P> = P extends null ? { user?: undefined; actor?: undefined } : Signed;

type Fields = { values: Record<string, string>; formData: FormData };

export type ActionDefinition<S extends z.ZodType, P extends PermissionNeed | null> = {
  /** `null` for the public doors (sign-in, register, one-time links): the token or rate limit is their guard. */
  permission: P;
  /**
   * Set for the customer's pages: a guest is sent to sign in and back to this path, and someone lacking
   * the permission gets 404, as the page itself would answer. The path comes from the input, so these
   * actions validate first. Without it, guests and the unpermitted both get FORBIDDEN as form feedback.
   */
  returnTo?: (context: { input: z.output<S> } & Fields) => string;
  /** A per-record check after the permission gate and before validation (e.g. "your own schedule only"). */
  authorize?: (context: Signed & Fields) => Promise<void> | void;
  /** Without one the input is the submitted text fields, unchecked (the action checks what it reads). */
  schema?: S;
  /** What input the schema refuses answers instead of field errors (e.g. a broken one-time link). */
  invalid?: ActionState;
  /** What the schema parses; by default every text field (lists and blank-means-absent need saying). */
  input?: (fields: Fields) => unknown;
  /** Fields never echoed back into the form; the password always is one. */
  secret?: string[];
  run: (context: { input: z.output<S> } & Who<P> & Fields) => Promise<ActionOutcome>;
  /** Runs once the change is made, before any redirect: e.g. `afterAppointmentChange`. */
  after?: () => unknown;
  /** Errors that send the person elsewhere instead of showing in the form (e.g. a slot taken meanwhile). */
  redirectOn?: Partial<Record<ErrorCode, (context: { input: z.output<S> } & Fields) => string>>;
};

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

async function gate(permission: PermissionNeed | null, returnTo: string | undefined): Promise<Signed | undefined> {
  if (permission === null) return undefined;
  const user = returnTo === undefined ? await userForAction(permission) : await requirePermission(permission, returnTo);
  return { user, actor: actorOf(user) };
}

/**
 * The one shape of a form's server action: authenticate and check the permission table, validate the
 * FormData with the shared zod schema, run, map an AppError to form feedback (the one mapping in
 * lib/action-state), then the after-change step. Framework errors (redirect, notFound) pass through.
 */
export function defineAction<P extends PermissionNeed | null, S extends z.ZodType = z.ZodType<Record<string, string>>>(
  definition: ActionDefinition<S, P>,
): FormAction {
  const { permission, returnTo, authorize, schema, secret = [], run, after, redirectOn } = definition;
  return async (_state, formData) => {
    const values = formValues(formData, ["password", ...secret]);
    const fields: Fields = { values, formData };
    let parsedInput: { input: z.output<S> } | undefined;
    let outcome: ActionOutcome;
    try {
      const parse = (): { input: z.output<S> } | ActionState => {
        const raw = definition.input ? definition.input(fields) : formValues(formData, []);
        if (!schema) return { input: raw as z.output<S> };
        const parsed = schema.safeParse(raw);
        return parsed.success ? { input: parsed.data } : (definition.invalid ?? validationState(parsed.error, values));
      };
      const enter = async (returnPath: string | undefined) => {
        const signed = await gate(permission, returnPath);
        if (signed && authorize) await authorize({ ...signed, ...fields });
        return signed;
      };
      let who: Signed | undefined;
      if (returnTo) {
        const result = parse();
        if ("status" in result) return result;
        parsedInput = result;
        who = await enter(returnTo({ ...result, ...fields }));
      } else {
        who = await enter(undefined);
        const result = parse();
        if ("status" in result) return result;
        parsedInput = result;
      }
      outcome = await run({ ...parsedInput, ...(who ?? {}), ...fields } as Parameters<typeof run>[0]);
    } catch (error) {
      unstable_rethrow(error);
      const elsewhere = parsedInput && isAppError(error) ? redirectOn?.[error.code] : undefined;
      if (elsewhere && parsedInput) redirect(elsewhere({ ...parsedInput, ...fields }));
      return errorState(error, values);
    }
    await after?.();
    if ("redirect" in outcome) redirect(outcome.redirect);
    return outcome;
  };
}
