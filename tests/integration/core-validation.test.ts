import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/mutations";
import { systemActor } from "@/lib/auth/actor";
import { createCustomer, findOrCreateCustomer } from "@/lib/customers/mutations";
import { AppError } from "@/lib/errors";
import { updateSalonSettings } from "@/lib/salon/mutations";
import { createService, updateService } from "@/lib/services/mutations";

// A guest: the route reads the session only for excludeAppointmentId.
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null, actorOf: () => ({ kind: "system" }) }));
const { GET: availability } = await import("@/app/api/availability/route");

/**
 * A core called past every edge (a script, a job, a future door) must refuse bad input with the same
 * typed VALIDATION error the forms and the API give, naming the fields, never a raw ZodError (a 500).
 */
async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("VALIDATION");
  expect((error as AppError).status).toBe(422);
  return error as AppError;
}

const paths = (error: AppError) => error.fieldErrors.map((fieldError) => fieldError.path);

describe("cores validate their own input", () => {
  it("services: a bad slug and a misspelt field are field errors", async () => {
    const created = await refusal(
      createService(systemActor, {
        slug: "Not A Slug",
        name: "Cut",
        category: "Hair",
        durationMinutes: 30,
        priceCents: 0,
        colour: "red",
      } as never),
    );
    expect(created.fieldErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "slug" }), { path: "colour", message: "Unknown field" }]),
    );
    expect(paths(await refusal(updateService(systemActor, "any-id", { durationMinutes: 1 })))).toEqual(["durationMinutes"]);
  });

  it("salon settings: an unknown timezone names the field", async () => {
    const error = await refusal(updateSalonSettings(systemActor, { timezone: "Mars/Olympus" } as never));
    expect(error.fieldErrors).toContainEqual({ path: "timezone", message: "Unknown timezone: use an IANA name such as Europe/London." });
  });

  it("customers and API keys: a malformed email, an empty scope list", async () => {
    expect(paths(await refusal(createCustomer({ name: "Ann", email: "not-an-email" })))).toEqual(["email"]);
    expect(paths(await refusal(findOrCreateCustomer({ name: "", email: "ann@test.test" })))).toEqual(["name"]);
    expect(paths(await refusal(createApiKey(systemActor, { ownerId: "someone", name: "Script", scopes: [] })))).toEqual(["scopes"]);
  });
});

describe("GET /api/availability errors", () => {
  it("are problem+json like the API's, with the invalid field named", async () => {
    const response = await availability(new NextRequest("http://localhost/api/availability?serviceId=x&month=2030-13"));
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 422,
      code: "VALIDATION",
      title: "Validation Failed",
      errors: [{ path: "month", message: "month must be YYYY-MM" }],
    });
  });
});
