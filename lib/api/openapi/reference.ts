import { openApiDocument } from "@/lib/api/openapi/document";

/**
 * The OpenAPI document flattened for the reference page: operations grouped by tag, each with its
 * parameters, body fields and responses as plain rows. The page renders these; it never re-describes
 * the API by hand, so it cannot drift from the spec.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};

export type FieldRow = { name: string; type: string; required: boolean; description: string };
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: FieldRow[];
  body: FieldRow[];
  responses: Array<{ status: string; description: string; type: string }>;
};

const refName = (ref: string) => ref.split("/").pop() ?? ref;

function typeOf(schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.map(typeOf).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"];
  return types.map((t) => (t === "array" ? `${typeOf(schema.items)}[]` : schema.format ? `${t} (${schema.format})` : t)).join(" | ");
}

/** Object properties as rows, nested objects flattened with dotted names. */
export function fieldRows(schema: Schema | undefined, prefix = ""): FieldRow[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).flatMap(([name, property]) => [
    {
      name: prefix + name,
      type: typeOf(property),
      required: schema.required?.includes(name) ?? false,
      description: property.description ?? "",
    },
    ...(property.type === "object" ? fieldRows(property, `${prefix}${name}.`) : []),
  ]);
}

export function apiReference() {
  const document = openApiDocument();
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const groups = new Map<string, OperationView[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, raw] of Object.entries(item ?? {})) {
      const operation = raw as Operation;
      const tag = operation.tags?.[0] ?? "Other";
      const body = Object.values(operation.requestBody?.content ?? {})[0]?.schema;
      const view: OperationView = {
        id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").toLowerCase(),
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? "",
        description: operation.description ?? "",
        parameters: (operation.parameters ?? []).map((p) => ({
          name: `${p.name} (${p.in})`,
          type: typeOf(p.schema),
          required: p.required ?? false,
          description: p.description ?? "",
        })),
        body: fieldRows(body?.$ref ? schemas[refName(body.$ref)] : body),
        responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
          status,
          description: response.description ?? "",
          type: typeOf(Object.values(response.content ?? {})[0]?.schema),
        })),
      };
      groups.set(tag, [...(groups.get(tag) ?? []), view]);
    }
  }
  return {
    title: document.info.title,
    version: document.info.version,
    description: document.info.description ?? "",
    groups: [...groups.entries()].map(([tag, operations]) => ({ tag, operations })),
    schemas: Object.entries(schemas).map(([name, schema]) => ({ name, description: schema.description ?? "", fields: fieldRows(schema) })),
  };
}
