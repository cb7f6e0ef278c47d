import { TextField } from "@/components/ui/text-field";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schema";

type Props = Omit<Parameters<typeof TextField>[0], "type" | "autoComplete" | "label"> & { label?: string };

/** The field where someone chooses a password: the same length rule, autocomplete and hint everywhere. */
export function NewPasswordField({ label = "Password", hint = `At least ${MIN_PASSWORD_LENGTH} characters.`, ...rest }: Props) {
  return <TextField label={label} type="password" autoComplete="new-password" hint={hint} {...rest} />;
}
