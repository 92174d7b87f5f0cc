/**
 * Rewrites the golden Dockerfiles of every preset (lib/presets/golden/<id>.Dockerfile).
 * Run after an intended change to the generator, then review the diff like code:
 *   npx tsx scripts/update-goldens.ts && git diff lib/presets/golden
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../lib/generate";
import { PRESETS, presetSpec } from "../lib/presets";

const dir = join(import.meta.dirname, "..", "lib", "presets", "golden");
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) rmSync(join(dir, f));
for (const preset of PRESETS) {
  const g = generate(presetSpec(preset));
  writeFileSync(join(dir, `${preset.id}.Dockerfile`), g.dockerfile);
}
console.log(`wrote ${PRESETS.length} golden Dockerfiles to ${dir}`);
