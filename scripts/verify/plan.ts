/** What Wheelwright lists for a source build of one package: the builder and final package names from lib/resolve.ts. */
import { PYTHON_VERSIONS, variantsFor, type VariantId } from "../../lib/knowledge/python-images";
import type { DebianRelease } from "../../lib/knowledge/types";
import { resolve } from "../../lib/resolve";
import { BuildSpecSchema } from "../../lib/spec";
import { CURATED } from "../../lib/knowledge/full-curated";

export interface SourceBuildLists {
  python: string;
  builder: string[];
  final: string[];
}

export function sourceBuildLists(name: string, release: DebianRelease): SourceBuildLists {
  const base = `slim-${release}` as VariantId;
  const python = PYTHON_VERSIONS.find((p) => p.status !== "prerelease" && variantsFor(p.version).includes(base));
  if (!python) throw new Error(`no Python image is published as ${base}`);
  const spec = BuildSpecSchema.parse({ python: python.version, base, strategy: "wheelhouse", buildFromSource: true, packages: [{ name }] });
  const plan = resolve(spec, CURATED);
  return {
    python: python.version,
    builder: plan.builder.systemPackages.map((p) => p.name),
    final: plan.final.systemPackages.map((p) => p.name),
  };
}
