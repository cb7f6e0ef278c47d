/** A one-field GET form that narrows a list page (the field's value lands in the page's query string). */
export function FilterForm({ action, name, label, defaultValue }: { action: string; name: string; label: string; defaultValue?: string }) {
  return (
    <form action={action} className="mb-4 flex items-end gap-2">
      <label className="flex flex-col text-sm font-medium text-stone-800">
        {label}
        <input name={name} type="search" defaultValue={defaultValue} className="min-h-11 rounded-lg border border-stone-400 bg-white px-3" />
      </label>
      <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold">Filter</button>
    </form>
  );
}
