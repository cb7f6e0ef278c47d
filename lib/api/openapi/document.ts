import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import "@/lib/api/openapi/operations";
import "@/lib/api/openapi/webhook-operations";
import { registry } from "@/lib/api/openapi/registry";

type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of /api/v1, generated once per process from the registered zod schemas. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}

function buildDocument(): OpenApiDocument {
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Pamper Book API",
      version: "1.0.0",
      description:
        "Book and manage salon appointments. Authenticate with an API key in `Authorization: Bearer`. " +
        "Errors are RFC 9457 problem+json with a stable `code`. See the guide at /docs/api.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
  });
  // The spec itself is public (no key needed to read how to use the API).
  document.paths = {
    ...document.paths,
    "/openapi.json": {
      get: {
        summary: "This OpenAPI document",
        tags: ["Meta"],
        security: [],
        responses: { 200: { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  };
  return document;
}
