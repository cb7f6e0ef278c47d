import Link from "next/link";
import { buttonClass } from "./button";

const titleClass = "text-2xl font-bold text-stone-900";

type Props = { title: string; create?: { href: string; label: string } };

/** A dashboard page's heading, with the link to create a new record (e.g. "New service") on the right when it has one. */
export function PageHeader({ title, create }: Props) {
  if (!create) return <h1 className={`mb-4 ${titleClass}`}>{title}</h1>;
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
      <h1 className={titleClass}>{title}</h1>
      <Link href={create.href} className={buttonClass()}>
        {create.label}
      </Link>
    </div>
  );
}
