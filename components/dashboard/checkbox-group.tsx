type Option = { value: string; label: string };

type Props = {
  legend: string;
  name: string;
  /** Records with labels, or plain values that are their own labels (scopes, event types). */
  options: Option[] | readonly string[];
  checked: string[];
  error?: string;
  className?: string;
};

/** A fieldset of checkboxes submitted under one name (read with FormData.getAll). */
export function CheckboxGroup({ legend, name, options, checked, error, className = "" }: Props) {
  const choices = options.map((option): Option => (typeof option === "string" ? { value: option, label: option } : option));
  return (
    <>
      <fieldset className={`flex flex-col gap-1 ${className}`}>
        <legend className="mb-1 text-sm font-medium text-stone-800">{legend}</legend>
        <div className="flex flex-wrap gap-x-4">
          {choices.map((option) => (
            <label key={option.value} className="flex min-h-11 items-center gap-2 text-sm text-stone-900">
              <input
                type="checkbox"
                name={name}
                value={option.value}
                defaultChecked={checked.includes(option.value)}
                className="size-5 accent-brand-700"
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      {error && <p className="text-sm font-medium text-red-700">{error}</p>}
    </>
  );
}
