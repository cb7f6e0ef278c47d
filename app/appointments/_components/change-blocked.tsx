type ChangeBlockedProps = { reason: string; salon: { name: string; phone: string | null; email: string | null } };

/** Why the customer cannot change the appointment online, and how to reach the salon instead. */
export function ChangeBlocked({ reason, salon }: ChangeBlockedProps) {
  return (
    <div className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-stone-900" data-testid="change-blocked">
      <p className="font-medium">{reason}</p>
      {(salon.phone || salon.email) && (
        <p className="mt-2 text-sm">
          To change it, please contact {salon.name}
          {salon.phone && (
            <>
              {" "}
              on{" "}
              <a href={`tel:${salon.phone.replace(/\s/g, "")}`} className="font-semibold text-brand-700 underline">
                {salon.phone}
              </a>
            </>
          )}
          {salon.phone && salon.email && " or"}
          {salon.email && (
            <>
              {" "}
              at{" "}
              <a href={`mailto:${salon.email}`} className="font-semibold text-brand-700 underline">
                {salon.email}
              </a>
            </>
          )}
          .
        </p>
      )}
    </div>
  );
}
