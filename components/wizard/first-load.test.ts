/**
 * The page's first-load JavaScript carries only what hydration needs: the engine (zod, the package knowledge,
 * resolve and render, share links, requirements parsing; lib/engine.ts) is loaded with import() after the page is
 * interactive. This walks the static imports of the client entry points (type-only imports and import() are not
 * followed, as the bundler does) and checks that none of the engine's modules is reachable.
 */
import { describe, expect, it } from "vitest";
import { reachable } from "@/lib/testing/static-imports";

const ENTRIES = ["components/wizard/wizard.tsx", "app/error.tsx", "app/global-error.tsx", "components/check/check-dockerfile.tsx", "components/check/triage-box.tsx"];

describe("first-load JavaScript", () => {
  const modules = reachable(ENTRIES);

  it("finds the wizard's modules (the walk works)", () => {
    expect(modules).toContain("components/wizard/use-wizard.ts");
    expect(modules).toContain("lib/wizard/state.ts");
    expect(modules).toContain("lib/presets/catalog.ts");
    expect(modules).toContain("package:react");
  });

  it("does not reach zod, the package knowledge or any other part of the engine", () => {
    const engine = [
      "package:zod",
      "package:smol-toml",
      "lib/engine.ts",
      "lib/spec.ts",
      "lib/share.ts",
      "lib/spec/share-codecs.ts",
      "lib/presets.ts",
      "lib/requirements.ts",
      "lib/pyproject.ts",
      "lib/resolve.ts",
      "lib/generate.ts",
      "lib/generate-files.ts",
      "lib/estimate.ts",
      "lib/render/dockerfile.ts",
      "lib/knowledge/index.ts",
      "lib/wizard/evaluate.ts",
      "lib/wizard/suggest.ts",
      // The marker evaluator and the wheel decisions: the spec's requires-python rule needs lib/versions.ts only.
      "lib/markers.ts",
      "lib/knowledge/wheels.ts",
      // The zip writer of "Download all", run by the engine when the button is pressed.
      "lib/wizard/zip.ts",
      // A pasted file's options and groups, applied by the engine after the paste it parsed.
      "lib/wizard/file-edits.ts",
      // The check page's audit and triage (lib/check.ts, loaded with import() at the first check).
      "package:dockerfile-ast",
      "lib/check.ts",
      "lib/rules/parse.ts",
      "lib/rules/audit.ts",
      "lib/triage/triage.ts",
    ];
    expect([...modules].filter((m) => engine.includes(m) || m.startsWith("lib/knowledge/packages/") || m.endsWith(".json"))).toEqual([]);
  });
});
