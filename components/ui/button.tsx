import type { ButtonHTMLAttributes } from "react";
import { variantClass } from "./variant-class";

const buttonVariant = variantClass(
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed",
  {
    primary: "bg-brand-700 text-white hover:bg-brand-900 disabled:bg-stone-400",
    secondary: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100",
    danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-400",
    ghost: "text-brand-700 underline-offset-4 hover:underline",
  },
);

type Variant = Parameters<typeof buttonVariant>[0];

export function buttonClass(variant: Variant = "primary", extra = ""): string {
  return buttonVariant(variant, extra);
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pending?: boolean };

/** A 44 px tall target (WCAG 2.5.8) that says when it is busy instead of silently ignoring clicks. */
export function Button({ variant = "primary", pending = false, className = "", children, disabled, ...rest }: ButtonProps) {
  return (
    <button {...rest} disabled={disabled || pending} aria-busy={pending || undefined} className={buttonClass(variant, className)}>
      {pending && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {children}
    </button>
  );
}
