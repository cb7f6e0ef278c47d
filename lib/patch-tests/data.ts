import "server-only";
import { db } from "@/lib/db";
import { staffDisplayName, staffNameSelect } from "@/lib/staff/display-name";

/** The customer's patch tests, newest first, with who recorded each. */
export async function listPatchTests(customerId: string) {
  const tests = await db.patchTest.findMany({
    where: { customerId },
    orderBy: [{ testedAt: "desc" }, { id: "desc" }],
    select: { id: true, testedAt: true, product: true, result: true, recordedBy: { select: staffNameSelect } },
  });
  return tests.map(({ recordedBy, ...test }) => ({ ...test, recordedBy: staffDisplayName(recordedBy) }));
}
