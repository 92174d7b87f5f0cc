/**
 * A parsed Dockerfile → the wizard's spec: the Python version and variant from the final FROM, the pip installs'
 * package names (and the requirements when given), the apt installs (build stage vs final stage), the command,
 * the exposed port and whether it runs as a non-root user. Every part is judged by the spec's own schema: a part
 * it refuses is left at the default and named in `dropped`.
 */
import { PYTHON_VERSION_IDS, VARIANT_IDS, type VariantId } from "../knowledge/python-images";
import { BuildSpecSchema, DEFAULT_SPEC, type BuildSpec, type BuildSpecInput } from "../spec";
import { requirementNames } from "./audit";
import { pythonInstalls, systemInstalls } from "./installs";
import { finalStage, pythonImage } from "./model";
import { parseDockerfile } from "./parse";
import { baseImage, finalCommand, programOf } from "./stages";
import { buildOnly } from "./final-build-tools";

export interface Rebuilt {
  spec: BuildSpec;
  /** What was read from the file, in words, and what could not be kept. */
  read: string[];
  dropped: string[];
}

function variantOf(tagVariant: string | null): VariantId {
  if (!tagVariant) return "slim-trixie";
  if ((VARIANT_IDS as readonly string[]).includes(tagVariant)) return tagVariant as VariantId;
  if (tagVariant.startsWith("alpine")) return "alpine";
  // slim-buster and other releases the wizard does not offer: the current slim image.
  return "slim-trixie";
}

export function rebuildFromDockerfile(text: string, requirements?: string): Rebuilt {
  const file = parseDockerfile(text);
  const read: string[] = [];
  const dropped: string[] = [];
  const final = finalStage(file);
  const parts: Partial<BuildSpecInput> = {};
  if (final) {
    const image = pythonImage(baseImage(file, final));
    if (image?.version && (PYTHON_VERSION_IDS as readonly string[]).includes(image.version)) {
      parts.python = image.version;
      read.push(`Python ${image.version}`);
    } else if (image?.version) dropped.push(`Python ${image.version} (not offered: the default is kept)`);
    if (image) {
      parts.base = variantOf(image.variant);
      read.push(`the ${parts.base} image`);
    }
  }
  const names = new Set([...pythonInstalls(file).names, ...(requirements ? requirementNames(requirements) : [])]);
  names.delete("pip");
  if (names.size) {
    parts.packages = [...names].map((name) => ({ name }));
    read.push(`${names.size} Python package${names.size > 1 ? "s" : ""}`);
  }
  const build = new Set<string>();
  const runtime = new Set<string>();
  for (const stage of file.stages)
    for (const s of systemInstalls(stage))
      for (const p of s.packages) (stage === final && !buildOnly(p) ? runtime : build).add(p);
  // A single-stage file's compilers go to the builder, its libraries to the final image.
  if (build.size || runtime.size) {
    parts.systemPackages = { build: [...build], runtime: [...runtime], omit: [] };
    read.push(`${build.size + runtime.size} system package${build.size + runtime.size > 1 ? "s" : ""}`);
  }
  const runtimeParts: Record<string, unknown> = {};
  const cmd = final && finalCommand(final);
  const run = cmd && programOf(cmd);
  if (run) {
    runtimeParts.command = run.argv;
    read.push("the command");
  }
  const expose = final?.instructions.find((i) => i.keyword === "EXPOSE");
  const port = expose ? Number(expose.words[0]?.split("/")[0]) : NaN;
  if (Number.isInteger(port)) {
    runtimeParts.port = port;
    read.push(`port ${port}`);
  }
  const users = final?.instructions.filter((i) => i.keyword === "USER") ?? [];
  const user = users[users.length - 1]?.words[0]?.split(":")[0];
  if (user !== undefined) {
    const root = user === "root" || user === "0";
    runtimeParts.user = { ...DEFAULT_SPEC.runtime.user, enabled: !root, ...(/^\d+$/.test(user) && !root ? { uid: Number(user) } : {}) };
    read.push(root ? "runs as root" : `a non-root user`);
  } else if (final) read.push("no USER in the file (the wizard keeps its non-root user)");
  if (Object.keys(runtimeParts).length) parts.runtime = { ...DEFAULT_SPEC.runtime, ...runtimeParts } as BuildSpecInput["runtime"];

  // Keep each part the schema accepts; drop (and name) each it refuses.
  let spec: BuildSpecInput = { ...DEFAULT_SPEC };
  for (const [key, value] of Object.entries(parts)) {
    const next = { ...spec, [key]: value };
    if (BuildSpecSchema.safeParse(next).success) spec = next;
    else dropped.push(`${key} (not valid for the wizard)`);
  }
  return { spec: BuildSpecSchema.parse(spec), read, dropped };
}
