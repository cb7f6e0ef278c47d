import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";

type Props = { pending: boolean; variant?: ComponentProps<typeof Button>["variant"]; className?: string; children: ReactNode };

/** A form's submit button on its own row, so a grid form can span it across every column. */
export function SubmitRow({ pending, variant, className, children }: Props) {
  return (
    <div className={className}>
      <Button type="submit" variant={variant} pending={pending}>
        {children}
      </Button>
    </div>
  );
}
