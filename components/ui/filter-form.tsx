type Props = {
  action: string;
  name: string;
  label: string;
  defaultValue?: string;
  submitLabel?: string;
  /** Query parameters the target page needs besides this field (sent as hidden inputs). */
  keep?: Record<string, string>;
  /** The field takes the remaining width (inside a card) instead of its own. */
  wide?: boolean;
};

/** A one-field GET form that narrows a list page (the field's value lands in the page's query string). */
export function FilterForm({ action, name, label, defaultValue, submitLabel = "Filter", keep = {}, wide = false }: Props) {
  return (
    <form action={action} role="search" className={`flex items-end gap-2 ${wide ? "" : "mb-4"}`}>
      {Object.entries(keep).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <label className={`flex flex-col text-sm font-medium text-stone-800 ${wide ? "flex-1" : ""}`}>
        {label}
        <input
          name={name}
          type="search"
          defaultValue={defaultValue}
          className="min-h-11 rounded-lg border border-stone-400 bg-white px-3"
        />
      </label>
      <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold">
        {submitLabel}
      </button>
    </form>
  );
}
