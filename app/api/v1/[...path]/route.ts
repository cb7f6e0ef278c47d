import { withPublicApiRoute } from "@/lib/api/with-api-route";
import { AppError } from "@/lib/errors";

/** Any /api/v1 path no route matches: a problem+json 404 instead of Next's HTML page. */
const notFound = withPublicApiRoute((request) => {
  throw new AppError("NOT_FOUND", `No API route ${request.method} ${new URL(request.url).pathname}. See /api/v1/openapi.json.`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
