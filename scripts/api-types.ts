import { writeFile } from "node:fs/promises";
import { API_TYPES_PATH, generateApiTypes } from "../tests/contract/generate-api-types";
import { runMain } from "./lib/run-main";

/** Regenerates the committed TypeScript types of /api/v1 from its OpenAPI document. */
runMain(async () => {
  await writeFile(API_TYPES_PATH, await generateApiTypes());
  console.log(`Wrote ${API_TYPES_PATH}`);
});
