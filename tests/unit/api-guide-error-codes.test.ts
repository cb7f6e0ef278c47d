import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi/document";
import { errorCodes } from "@/lib/errors";

/** An integrator switches on `code`: the spec must list every code the server has, and the guide explain each. */
describe("error codes", () => {
  const guide = readFileSync("docs/API.md", "utf8");
  const documented = [...guide.matchAll(/^\| \d{3} \| `([A-Z_]+)` \|/gm)].map((match) => match[1]);

  it("the spec's Problem.code enum lists every code of the error table", () => {
    const problem = openApiDocument().components?.schemas?.Problem as { properties: { code: { enum: string[] } } };
    expect(problem.properties.code.enum).toEqual(Object.keys(errorCodes));
  });

  it("docs/API.md explains every code, with the status the table gives it", () => {
    expect([...documented].sort()).toEqual(Object.keys(errorCodes).sort());
    for (const [code, { status }] of Object.entries(errorCodes)) expect(guide).toContain(`| ${status} | \`${code}\` |`);
  });
});
