import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import "@/lib/api/openapi/operations";
import "@/lib/api/openapi/webhook-operations";
import { registry, TAGS } from "@/lib/api/openapi/registry";
import { DEFAULT_APP_URL } from "@/lib/env";

type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

let cached: { appUrl: string; document: OpenApiDocument } | undefined;

/**
 * The OpenAPI 3.1 document of /api/v1 as served from `appUrl` (the route passes APP_URL), generated once
 * per process from the registered zod schemas.
 */
export function openApiDocument(appUrl = DEFAULT_APP_URL): OpenApiDocument {
  if (cached?.appUrl !== appUrl) cached = { appUrl, document: buildDocument(appUrl.replace(/\/+$/, "")) };
  return cached.document;
}

function buildDocument(appUrl: string): OpenApiDocument {
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Pamper Book API",
      version: "1.0.0",
      description:
        "Book and manage salon appointments. Authenticate with an API key in `Authorization: Bearer`. " +
        "Errors are RFC 9457 problem+json with a stable `code`. See the guide at /docs/api.",
      contact: { name: "Pamper Book", url: `${appUrl}/docs/api` },
      license: { name: "Proprietary", url: `${appUrl}/docs/api#terms` },
    },
    // Absolute, so a client generated from the document calls the server that served it.
    servers: [{ url: `${appUrl}/api/v1`, description: "This deployment" }],
    security: [{ apiKey: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
  });
  // The document does not describe its own URL: a client holding it already knows where it lives.
  return document;
}
