/**
 * The printer's tokens (lib/render/instructions.ts) colour the generated Dockerfile as the preview's own tokenizer
 * would read the printed text, so the preview can use them instead of tokenising the text again.
 */
import { describe, expect, it } from "vitest";
import { generateFiles } from "@/lib/generate-files";
import { PRESETS, presetSpec } from "@/lib/presets";
import { joinTokens } from "@/lib/render/printed";
import { BuildSpecSchema, DEFAULT_SPEC, STRATEGIES } from "@/lib/spec";
import { tokenizeDockerfile } from "./highlight";

const specs = [
  DEFAULT_SPEC,
  ...PRESETS.map(presetSpec),
  ...STRATEGIES.flatMap(({ id }) =>
    (["slim-bookworm", "alpine"] as const).flatMap((base) =>
      [true, false].map((cacheMounts) =>
        BuildSpecSchema.parse({
          ...DEFAULT_SPEC,
          strategy: id,
          base,
          cacheMounts,
          buildFromSource: !cacheMounts,
          dependencySource: id === "uv" && cacheMounts ? "uv-lock" : cacheMounts ? "requirements" : "poetry-lock",
          packages: [{ name: "psycopg2" }, { name: "numpy" }],
          runtime: {
            ...DEFAULT_SPEC.runtime,
            port: 8000,
            healthcheck: { enabled: true, path: "/healthz" },
            env: [{ name: "GREETING", value: 'say "hi" $USER \\ `x`' }],
            command: ["gunicorn", "--bind", "0.0.0.0:8000", "it's:app"],
          },
        }),
      ),
    ),
  ),
];

describe("the printer's tokens", () => {
  it("are the printed text, line by line", () => {
    for (const spec of specs) {
      const g = generateFiles(spec);
      expect(joinTokens(g.dockerfileTokens)).toBe(g.dockerfile);
      expect(g.dockerfileTokens.length).toBe(g.dockerfile.split("\n").length);
      for (const line of g.dockerfileTokens) for (const t of line) expect(t.text).not.toBe("");
    }
  });

  it("colour the text as the preview's tokenizer reads it", () => {
    for (const spec of specs) {
      const g = generateFiles(spec);
      expect(g.dockerfileTokens, `${spec.strategy} ${spec.base}`).toEqual(tokenizeDockerfile(g.dockerfile));
    }
  });
});
