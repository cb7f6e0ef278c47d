import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ApiReferencePage from "@/app/docs/api/page";
import { openApiDocument } from "@/lib/api/openapi/document";

describe("/docs/api", () => {
  it("renders every operation of the spec, the error codes problem types link to, and the schemas", () => {
    const html = renderToStaticMarkup(<ApiReferencePage />);
    for (const [path, item] of Object.entries(openApiDocument().paths ?? {})) {
      for (const method of Object.keys(item ?? {})) {
        expect(html).toContain(`id="${`${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}"`);
      }
    }
    expect(html).toContain('id="error-slot-unavailable"');
    expect(html).toContain('id="error-precondition-required"');
    expect(html).toContain('id="schema-appointment"');
    expect(html).not.toContain("<script");
  });
});
