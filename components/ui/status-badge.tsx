import { variantClass } from "./variant-class";

const toneClass = variantClass("inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold", {
  positive: "bg-emerald-100 text-emerald-900",
  neutral: "bg-stone-200 text-stone-800",
  negative: "bg-red-100 text-red-900",
  info: "bg-sky-100 text-sky-900",
});

type Tone = Parameters<typeof toneClass>[0];

/** A status as text plus colour (colour alone would exclude colour-blind users). */
export function StatusBadge({ label, tone }: { label: string; tone: Tone }) {
  return <span className={toneClass(tone)}>{label}</span>;
}
