import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/estimate";
import { resolve } from "@/lib/resolve";
import { BuildSpecSchema } from "@/lib/spec";
import { WeightChart } from "./weight-chart";
import { CURATED } from "../../lib/knowledge/full-curated";

const render = (input: Record<string, unknown>) =>
  renderToStaticMarkup(createElement(WeightChart, { estimate: estimate(resolve(BuildSpecSchema.parse({ strategy: "venv", ...input }), CURATED)) }));

describe("WeightChart", () => {
  it("shows the three weights as text, the sentence and the heavy packages", () => {
    const html = render({ python: "3.13", base: "slim-bookworm", packages: [{ name: "psycopg2" }] });
    expect(html).toContain("Base image");
    expect(html).toContain("Single stage");
    expect(html).toContain("This build");
    expect(html).toMatch(/Multi-stage keeps \d+ packages/);
    expect(html).toContain("gcc-12");
    expect(html).toMatch(/aria-hidden="true"/);
  });
  it("says not estimated for Alpine", () => {
    const html = render({ python: "3.13", base: "alpine" });
    expect(html).toContain("Not estimated.");
    expect(html).toContain("Alpine");
  });
});
