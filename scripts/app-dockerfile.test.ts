import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnostics, parseDockerfile } from "../lib/testing/dockerfile";

const text = readFileSync(join(import.meta.dirname, "..", "Dockerfile"), "utf8");

describe("Wheelwright's own Dockerfile", () => {
  const parsed = parseDockerfile(text);
  const final = parsed.stages[parsed.stages.length - 1];
  it("passes the dockerfile-utils validator", () => {
    expect(diagnostics(text)).toEqual([]);
  });
  it("is multi-stage, with a final stage that copies only the standalone server, static files and the guarded entry", () => {
    expect(parsed.stages.map((s) => s.name)).toEqual(["deps", "build", "final"]);
    const copies = final.instructions.filter((i) => i.keyword === "COPY").map((i) => i.text);
    const entry = ["server/main.mjs", "server/respond.mjs", "lib/http/request-guard.mjs", "lib/http/deferred-hydration.mjs", "lib/share-query.mjs"];
    expect(copies.every((c) => c.startsWith("COPY --from=build /src/.next/standalone") || c.includes(".next/static") || c.includes("/src/public") || entry.some((f) => c === `COPY --from=build /src/${f} ./${f}`))).toBe(true);
    for (const f of entry) expect(copies).toContain(`COPY --from=build /src/${f} ./${f}`);
  });
  it("copies every plain-JavaScript module the entry loads (bare node, no bundler in the image)", () => {
    const pending = ["server/main.mjs"];
    const seen = new Set<string>();
    while (pending.length) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(join(import.meta.dirname, "..", file), "utf8");
      for (const m of source.matchAll(/^import [^"]*"(\.{1,2}\/[^"]+)";$/gm)) pending.push(join(file, "..", m[1]));
    }
    const copies = final.instructions.filter((i) => i.keyword === "COPY").map((i) => i.text);
    for (const f of seen) expect(copies).toContain(`COPY --from=build /src/${f} ./${f}`);
  });
  it("runs as a non-root user without npm or build tools", () => {
    expect(final.instructions.find((i) => i.keyword === "USER")?.args[0]).toBe("node");
    expect(final.instructions.some((i) => i.keyword === "RUN" && /apt-get install|npm (ci|install)/.test(i.text))).toBe(false);
    expect(final.instructions.some((i) => i.keyword === "RUN" && i.text.includes("rm -rf /usr/local/lib/node_modules/npm"))).toBe(true);
  });
  it("has an exec-form CMD and a HEALTHCHECK that needs no curl", () => {
    expect(final.instructions.find((i) => i.keyword === "CMD")?.text).toBe('CMD ["node", "server/main.mjs"]');
    expect(final.instructions.find((i) => i.keyword === "HEALTHCHECK")?.text).not.toMatch(/curl|wget/);
  });
});
