/**
 * The printer's highlight (lib/render/instructions.ts) colours the generated Dockerfile as the preview's own
 * tokenizer would read the printed text, so the preview can use it instead of tokenising the text again.
 */
import { describe, expect, it } from "vitest";
import { generateFiles } from "@/lib/generate-files";
import { PRESETS, presetSpec } from "@/lib/presets";
import { highlightedLines, joinTokens } from "@/lib/render/printed";
import { BuildSpecSchema, DEFAULT_SPEC, STRATEGIES } from "@/lib/spec";
import { tokenizeDockerfile } from "./highlight";
import { CURATED } from "../../lib/knowledge/full-curated";

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

describe("the printer's highlight", () => {
  it("covers the printed text exactly, line by line", () => {
    for (const spec of specs) {
      const g = generateFiles(spec, CURATED);
      const lines = highlightedLines(g.dockerfile, g.dockerfileHighlight);
      expect(joinTokens(lines)).toBe(g.dockerfile);
      expect(lines.length).toBe(g.dockerfile.split("\n").length);
      expect(g.dockerfileHighlight.length % 2).toBe(0);
      expect(g.dockerfileHighlight.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0)).toBe(g.dockerfile.replace(/\n/g, "").length);
      for (const line of lines) for (const t of line) expect(t.text).not.toBe("");
    }
  });

  it("colours the text as the preview's tokenizer reads it", () => {
    for (const spec of specs) {
      const g = generateFiles(spec, CURATED);
      expect(highlightedLines(g.dockerfile, g.dockerfileHighlight), `${spec.strategy} ${spec.base}`).toEqual(tokenizeDockerfile(g.dockerfile));
    }
  });
});

describe("highlightedLines", () => {
  it("splits at line breaks, keeps empty lines and refuses a highlight shorter than its text", () => {
    expect(highlightedLines("RUN x\n\n# c\n", [1, 3, 0, 2, 2, 3])).toEqual([
      [{ kind: "keyword", text: "RUN" }, { kind: "text", text: " x" }],
      [],
      [{ kind: "comment", text: "# c" }],
      [],
    ]);
    expect(() => highlightedLines("RUN x", [1, 3])).toThrow();
  });
});
