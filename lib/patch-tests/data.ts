import "server-only";
import { db } from "@/lib/db";

/** The customer's patch tests, newest first, with who recorded each. */
export async function listPatchTests(customerId: string) {
  const tests = await db.patchTest.findMany({
    where: { customerId },
    orderBy: [{ testedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      testedAt: true,
      product: true,
      result: true,
      recordedBy: { select: { name: true, staffProfile: { select: { displayName: true } } } },
    },
  });
  return tests.map(({ recordedBy, ...test }) => ({ ...test, recordedBy: recordedBy.staffProfile?.displayName ?? recordedBy.name }));
}

/** The salon's patch-test rules and the service customers book to have one. */
export function getPatchTestPolicy() {
  return db.salonSettings.findUnique({
    where: { id: 1 },
    select: { patchTestMaxAgeMonths: true, patchTestService: { select: { id: true, name: true, active: true } } },
  });
}
