import type { Metadata } from "next";
import { Section } from "@/components/ui/section";
import { apiReference } from "@/lib/api/openapi/reference";
import { errorCodes } from "@/lib/errors";
import { FieldTable } from "./field-table";

export const metadata: Metadata = { title: "API reference" };

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-emerald-100 text-emerald-900",
  PATCH: "bg-amber-100 text-amber-900",
  DELETE: "bg-rose-100 text-rose-900",
};

/** Every problem `code` with its status, anchored so a problem's `type` URI lands on its row. */
function errorRows(): Array<{ code: string; status: number }> {
  return Object.entries(errorCodes)
    .map(([code, { status }]) => ({ code, status }))
    .sort((a, b) => a.status - b.status);
}

/** The /api/v1 reference, rendered on the server from the served OpenAPI document (no client JS, no CDN). */
export default function ApiReferencePage() {
  const reference = apiReference();
  return (
    <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-semibold">{reference.title}</h1>
      <p className="mt-1 text-gray-600">
        Version {reference.version} · base URL <code>/api/v1</code> ·{" "}
        <a className="underline" href="/api/v1/openapi.json">
          openapi.json
        </a>
      </p>
      <p className="mt-4 max-w-3xl text-gray-800">{reference.description}</p>

      <nav aria-label="Operations" className="mt-6 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {reference.groups.map((group) => (
          <a key={group.tag} className="underline" href={`#${group.tag.toLowerCase()}`}>
            {group.tag}
          </a>
        ))}
        <a className="underline" href="#errors">
          Errors
        </a>
        <a className="underline" href="#schemas">
          Schemas
        </a>
      </nav>

      {reference.groups.map((group) => (
        <Section key={group.tag} id={group.tag.toLowerCase()} anchor title={group.tag} size="2xl" className="mt-10">
          {group.operations.map((op) => (
            <article key={op.id} id={op.id} className="mt-6 rounded-lg border border-gray-200 p-4">
              <h3 className="flex flex-wrap items-center gap-3 font-mono text-lg">
                <span className={`rounded px-2 py-0.5 text-sm font-semibold ${METHOD_COLOURS[op.method] ?? "bg-gray-100"}`}>
                  {op.method}
                </span>
                {op.path}
              </h3>
              <p className="mt-1 font-medium">{op.summary}</p>
              {op.description && <p className="mt-1 whitespace-pre-line text-sm text-gray-700">{op.description}</p>}
              <FieldTable caption="Parameters" rows={op.parameters} />
              <FieldTable caption="Request body (application/json)" rows={op.body} />
              <ul className="mt-3 text-sm">
                {op.responses.map((r) => (
                  <li key={r.status}>
                    <span className="font-mono font-semibold">{r.status}</span> {r.description}{" "}
                    {r.type && <span className="font-mono text-gray-500">→ {r.type}</span>}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </Section>
      ))}

      <Section id="errors" anchor title="Errors" size="2xl" className="mt-10">
        <p className="mt-2 text-gray-700">
          Every error is <code>application/problem+json</code> with <code>type</code>, <code>title</code>, <code>status</code>,{" "}
          <code>detail</code>, a stable <code>code</code> and field <code>errors[]</code>.
        </p>
        <ul className="mt-3 grid gap-1 text-sm sm:grid-cols-2">
          {errorRows().map(({ code, status }) => (
            <li key={code} id={`error-${code.toLowerCase().replaceAll("_", "-")}`}>
              <span className="font-mono">
                {status} {code}
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="schemas" anchor title="Schemas" size="2xl" className="mt-10">
        {reference.schemas.map((schema) => (
          <article key={schema.name} id={`schema-${schema.name.toLowerCase()}`} className="mt-6">
            <h3 className="font-mono text-lg">{schema.name}</h3>
            {schema.description && <p className="text-sm text-gray-700">{schema.description}</p>}
            <FieldTable caption="" rows={schema.fields} />
          </article>
        ))}
      </Section>
    </main>
  );
}
