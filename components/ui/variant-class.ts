/**
 * The class list of a component whose look is one of a few named variants: the classes every variant
 * shares, then the chosen variant's, then the caller's extras.
 */
export function variantClass<V extends string>(base: string, variants: Record<V, string>): (variant: V, extra?: string) => string {
  return (variant, extra = "") => [base, variants[variant], extra].filter(Boolean).join(" ");
}
