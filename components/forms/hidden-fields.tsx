/**
 * What a form acts on, posted as hidden inputs; empty values are left out, as an unfilled field would be.
 * A list posts one input per value, in order (a repeated field, like the booking flow's `also`).
 */
export function HiddenFields({ fields }: { fields: Record<string, string | readonly string[] | null | undefined> }) {
  return Object.entries(fields).flatMap(([name, value]) =>
    (typeof value === "string" ? [value] : (value ?? []))
      .filter((one) => one)
      .map((one, i) => <input key={`${name}.${i}`} type="hidden" name={name} value={one} />),
  );
}
