/** What a form acts on, posted as hidden inputs; empty values are left out, as an unfilled field would be. */
export function HiddenFields({ fields }: { fields: Record<string, string | null | undefined> }) {
  return Object.entries(fields).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null));
}
