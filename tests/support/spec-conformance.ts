import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi/document";

/**
 * Holds every /api/v1 response a test sees to the served OpenAPI document: the status must be one the
 * operation declares (a 5xx may fall under `default`), every header the spec marks required must be
 * there, and the body must match the declared schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
 * The test helpers that call routes run it, so the whole integration suite is a contract test.
 */

type HeaderRef = { $ref?: string; required?: boolean };
type ResponseSpec = { headers?: Record<string, HeaderRef>; content?: Record<string, { schema?: object }> };
type OperationSpec = { responses?: Record<string, ResponseSpec> };

type Components = { schemas?: object; headers?: Record<string, { required?: boolean }> };

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

// Built on first use, not at import: a test file sets its environment after its imports.
let spec:
  | {
      paths: Record<string, Record<string, OperationSpec>>;
      components: Components;
      templates: Array<{ template: string; pattern: RegExp }>;
    }
  | undefined;
function loaded() {
  if (!spec) {
    const document = openApiDocument();
    const paths = (document.paths ?? {}) as Record<string, Record<string, OperationSpec>>;
    spec = {
      paths,
      components: document.components as Components,
      templates: Object.keys(paths).map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`) })),
    };
  }
  return spec;
}

function operationOf(method: string, pathname: string): { template: string; operation: OperationSpec } | undefined {
  const path = pathname.replace(/^\/api\/v1/, "") || "/";
  const { templates, paths } = loaded();
  const template = templates.find((candidate) => candidate.pattern.test(path))?.template;
  const item = template ? paths[template] : undefined;
  const operation = item?.[method.toLowerCase()];
  return template && operation ? { template, operation } : undefined;
}

function validatorFor(key: string, schema: object): ValidateFunction {
  let validator = validators.get(key);
  if (!validator) {
    validator = ajv.compile({ ...schema, components: { schemas: loaded().components.schemas } });
    validators.set(key, validator);
  }
  return validator;
}

/** The contract mismatches of one response (empty when it conforms, or when the operation is not in the spec). */
export function specMismatches(method: string, url: string, status: number, headers: Headers, body: unknown): string[] {
  const found = operationOf(method, new URL(url, "http://localhost").pathname);
  if (!found) return [];
  const name = `${method.toUpperCase()} ${found.template} → ${status}`;
  const responses = found.operation.responses ?? {};
  const declared = responses[String(status)] ?? (status >= 500 ? responses.default : undefined);
  if (!declared) return [`${name}: status not declared in the spec (declared: ${Object.keys(responses).join(", ")})`];
  const problems: string[] = [];
  for (const [header, reference] of Object.entries(declared.headers ?? {})) {
    const definition = reference.$ref ? loaded().components.headers?.[reference.$ref.split("/").pop()!] : reference;
    if (definition?.required && !headers.has(header)) problems.push(`${name}: required header ${header} missing`);
  }
  const contentType = headers.get("content-type")?.split(";")[0]?.trim();
  const media = declared.content ? Object.entries(declared.content) : [];
  if (media.length === 0) return problems;
  const schema = media.find(([type]) => type === contentType)?.[1].schema;
  if (!schema) return [...problems, `${name}: content type ${contentType} not declared (${media.map(([type]) => type).join(", ")})`];
  const validate = validatorFor(`${name} ${contentType}`, schema);
  if (!validate(body)) problems.push(`${name}: body does not match the schema: ${ajv.errorsText(validate.errors)}`);
  return problems;
}

/** Throws when a response breaks the contract, naming each mismatch. */
export function assertConformsToSpec(method: string, url: string, status: number, headers: Headers, body: unknown): void {
  const problems = specMismatches(method, url, status, headers, body);
  if (problems.length) throw new Error(`The response breaks the OpenAPI contract:\n- ${problems.join("\n- ")}`);
}
