/** Every value of a repeated field (checkboxes, multi-selects) that is text. */
export function formList(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((value): value is string => typeof value === "string");
}

/** An empty optional field means "not given": the shared schemas treat absent and blank differently. */
export function blankAsAbsent(values: Record<string, string>, ...names: string[]): Record<string, string | undefined> {
  return { ...values, ...Object.fromEntries(names.map((name) => [name, values[name] ? values[name] : undefined])) };
}
