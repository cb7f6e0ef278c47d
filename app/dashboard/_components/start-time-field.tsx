import { TextField } from "@/components/ui/text-field";

type Props = { label: string; id?: string; value?: string; fieldError: (name: string) => string | undefined };

/** A booking's start time in five-minute steps; the core's error about the computed start shows here too. */
export function StartTimeField({ label, id, value, fieldError }: Props) {
  return (
    <TextField
      label={label}
      name="time"
      id={id}
      type="time"
      step={300}
      defaultValue={value}
      error={fieldError("time") ?? fieldError("startsAt")}
    />
  );
}
