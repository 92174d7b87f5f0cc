/**
 * Presets: the catalog (lib/presets/catalog.ts, plain data) and the full spec of each, with the schema's
 * defaults filled in.
 */
import { PRESETS, presetById, type Preset } from "./presets/catalog";
import { BuildSpecSchema, type BuildSpec } from "./spec";

export { PRESETS, presetById, type Preset };

/** The full spec of a preset (defaults filled in). */
export function presetSpec(preset: Preset): BuildSpec {
  return BuildSpecSchema.parse(preset.input);
}
