/**
 * Writes a build context for one preset: its Dockerfile, .dockerignore and requirements.txt as generated, and a
 * one-line app, so `docker buildx build` can build it (.github/workflows/build-presets.yml). The build runs the
 * final stage's self-check, so a preset whose final stage misses a library fails there.
 *   npx tsx scripts/preset-context.ts ID DIR     (ID: one of `wheelwright presets`; DIR is created)
 *   npx tsx scripts/preset-context.ts --list     (the preset ids as a JSON array, for a workflow matrix)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../lib/generate";
import { PRESETS, presetById, presetSpec, type Preset } from "../lib/presets";

/** Writes the build context of a preset into `dir` (created). */
export function writeContext(preset: Preset, dir: string): void {
  const spec = presetSpec(preset);
  if (spec.dependencySource !== "requirements") throw new Error(`${preset.id}: only requirements.txt contexts are written here`);
  const g = generate(spec);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Dockerfile"), g.dockerfile);
  writeFileSync(join(dir, ".dockerignore"), g.dockerignore);
  writeFileSync(join(dir, "requirements.txt"), g.requirements);
  writeFileSync(join(dir, "app.py"), "# The presets' images are built, not run: the app is a placeholder.\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [id, dir] = process.argv.slice(2);
  if (id === "--list") {
    process.stdout.write(JSON.stringify(PRESETS.map((p) => p.id)) + "\n");
  } else {
    const preset = id ? presetById(id) : undefined;
    if (!preset || !dir) {
      console.error(`usage: preset-context.ts ID DIR | --list (ids: ${PRESETS.map((p) => p.id).join(", ")})`);
      process.exit(2);
    }
    writeContext(preset, dir);
    console.log(`${preset.id}: ${presetSpec(preset).platform}, ${join(dir, "Dockerfile")}`);
  }
}
