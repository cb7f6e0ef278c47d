import { etagOf, withIfMatch } from "@/lib/api/etag";
import { ok } from "@/lib/api/result";
import { serviceEtagToken, toApiService } from "@/lib/api/schemas/services";
import { requireServiceIfMatch } from "@/lib/api/service-if-match";
import { validate } from "@/lib/api/validate";
import { methodNotAllowed, withApiRoute } from "@/lib/api/with-api-route";
import { getService, type ServiceDetail } from "@/lib/services/data";
import { publishOutboxAfterResponse } from "@/lib/notifications/publish-after-response";
import { deactivateService, updateService } from "@/lib/services/mutations";
import { ZUpdateServiceInput } from "@/lib/services/schema";

type Params = { id: string };

const represent = (service: ServiceDetail) => ok(toApiService(service), { ETag: etagOf(serviceEtagToken(service)) });

/** A change's service.updated event goes out after the response; a failure stays in the outbox for the relay. */
function changed(service: ServiceDetail) {
  void publishOutboxAfterResponse();
  return represent(service);
}

export const GET = withApiRoute<Params>({ scope: "services:read" }, async ({ params }) => represent(await getService(params.id)));

export const PATCH = withApiRoute<Params>(
  { scope: "services:write", permission: "services.manage" },
  async ({ request, principal, params, body }) => {
    const changes = validate(ZUpdateServiceInput, body);
    const expected = requireServiceIfMatch(request);
    return changed(await withIfMatch(() => updateService(principal.actor, params.id, changes, expected)));
  },
);

/** Deactivates: appointments reference services, so a service is hidden from booking, never deleted. */
export const DELETE = withApiRoute<Params>(
  { scope: "services:write", permission: "services.manage" },
  async ({ request, principal, params }) => {
    const expected = requireServiceIfMatch(request);
    return changed(await withIfMatch(() => deactivateService(principal.actor, params.id, expected)));
  },
);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");
export { notAllowed as POST, notAllowed as PUT };
