import { openApiDocument } from "@/lib/api/openapi/document";
import { env } from "@/lib/env";
import { methodNotAllowed, withPublicApiRoute } from "@/lib/api/with-api-route";

export const dynamic = "force-dynamic";

/** Public on purpose: integrators (and code generators) read the contract before they hold a key. */
export const GET = withPublicApiRoute(() =>
  Response.json(openApiDocument(env().APP_URL), { headers: { "Cache-Control": "public, max-age=300" } }),
);

const notAllowed = methodNotAllowed("GET");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
