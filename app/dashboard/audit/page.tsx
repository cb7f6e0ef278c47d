import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterDate, FilterSelect } from "@/components/dashboard/filter-fields";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { decodeIdCursor } from "@/lib/cursor";
import { auditReferenceNames, listAuditActors, listAuditEvents, type AuditEventView } from "@/lib/audit/data";
import { describeAuditChange } from "@/lib/audit/describe";
import { AUDIT_ENTITY_KINDS, AUDIT_ENTITY_LABELS, AUDIT_SOURCE_LABELS, ZAuditQuery, type TAuditQuery } from "@/lib/audit/schema";
import { requirePermission } from "@/lib/auth/gates";
import { formatSalonDateTime } from "@/lib/time/format-when";
import { getSalonSettings } from "@/lib/salon/data";
import { addDays, startOfLocalDay } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

/** A cursor this page did not issue starts the list over rather than failing the page. */
function cursorIdOf(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  try {
    return decodeIdCursor(cursor);
  } catch {
    return undefined;
  }
}

function who(event: AuditEventView): string {
  const person = event.actor ? `${event.actor.name} (${event.actor.email})` : AUDIT_SOURCE_LABELS[event.source];
  return event.apiKey ? `${person} via key ${event.apiKey.name} (${event.apiKey.prefix}…)` : person;
}

function pageHref(query: TAuditQuery, cursor?: string): string {
  const params = new URLSearchParams(Object.entries({ ...query, cursor }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return `/dashboard/audit${params.size ? `?${params}` : ""}`;
}

/** Every change to the salon's configuration: who, when, from where, before → after. Admins only. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.view", "/dashboard/audit");
  const query = ZAuditQuery.parse(await searchParams);
  const salon = await getSalonSettings();
  const filter = {
    kind: query.kind,
    actorId: query.actor,
    from: query.from ? new Date(startOfLocalDay(query.from, salon.timezone)) : undefined,
    until: query.to ? new Date(startOfLocalDay(addDays(query.to, 1), salon.timezone)) : undefined,
  };
  const [page, actors, names] = await Promise.all([
    listAuditEvents(filter, { limit: PAGE_SIZE, cursorId: cursorIdOf(query.cursor) }),
    listAuditActors(),
    auditReferenceNames(),
  ]);
  const { cursor: _cursor, ...filters } = query;
  const kindOptions = AUDIT_ENTITY_KINDS.map((kind) => ({ value: kind, label: AUDIT_ENTITY_LABELS[kind] }));
  const actorOptions = actors.map((actor) => ({ value: actor.id, label: `${actor.name} (${actor.email})` }));
  return (
    <>
      <PageHeader title="Audit log" />
      <FilterBar action="/dashboard/audit" label="Filter the audit log" submitLabel="Filter">
        <FilterSelect label="What changed" name="kind" defaultValue={query.kind} anyLabel="Everything" options={kindOptions} />
        <FilterSelect label="Who" name="actor" defaultValue={query.actor} anyLabel="Anyone" options={actorOptions} />
        <FilterDate label="From" name="from" defaultValue={query.from} />
        <FilterDate label="To" name="to" defaultValue={query.to} />
      </FilterBar>
      <DataTable
        rows={page.items}
        empty="No changes match."
        columns={[
          { header: "When", cell: (event) => formatSalonDateTime(event.createdAt, salon), className: "whitespace-nowrap" },
          { header: "Who", cell: who },
          { header: "From", cell: (event) => AUDIT_SOURCE_LABELS[event.source] },
          {
            header: "What",
            cell: (event) => (
              <>
                {AUDIT_ENTITY_LABELS[event.entityKind as keyof typeof AUDIT_ENTITY_LABELS] ?? event.entityKind}: {event.action}
                {event.entityLabel && <span className="block text-stone-700">{event.entityLabel}</span>}
              </>
            ),
          },
          {
            header: "Change",
            cell: (event) => (
              <ul>
                {describeAuditChange(event.before, event.after, salon, names).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <nav aria-label="Audit log pages" className="mt-4 flex gap-4 text-sm">
        {query.cursor && (
          <Link href={pageHref(filters)} className="text-brand-700 underline">
            Newest changes
          </Link>
        )}
        {page.nextCursor && (
          <Link href={pageHref(filters, page.nextCursor)} className="text-brand-700 underline">
            Older changes
          </Link>
        )}
      </nav>
    </>
  );
}
