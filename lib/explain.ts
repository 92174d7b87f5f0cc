/** Plain-text explanation of what one package needs on one image variant (CLI `explain`). */
import { fullDerived } from "./knowledge/derived/full";
import type { PackageFacts } from "./knowledge/facts";
import { CURATED } from "./knowledge/full-curated";
import { derivedRelease, derivedSource, withDerived, type DerivedLookup } from "./knowledge/merge";
import { PYTHON_VERSIONS, VARIANTS, imageTag, variantsFor, type VariantId } from "./knowledge/python-images";
import { verificationLine } from "./knowledge/verification";
import { resolve, type PlannedSystemPackage } from "./resolve";
import { BuildSpecSchema, PEP508_NAME } from "./spec";
import { ALPINE_LOOKUP } from "./knowledge/alpine";

/** Where the facts come from, in one line. */
function origin(f: PackageFacts | undefined, release: string): string {
  if (!f) return `Facts: none. Not curated, and Debian ${release} does not package it: assumed pure Python.`;
  const d = f.derived ? derivedSource(f.derived) : null;
  if (f.curated && d) return `Facts: the curated entry (wheels, notes, the needs it states), completed by Debian's data (${d}).`;
  if (f.curated) return `Facts: the curated entry; Debian ${release} does not package it.`;
  return `Facts: Debian's data alone (${d}): no wheel facts${f.pure ? "" : ", so its build and run-time packages are planned in case it is compiled"}.`;
}

export function explainPackage(
  name: string,
  variant: VariantId,
  derived: DerivedLookup = fullDerived,
): { ok: true; text: string } | { ok: false; message: string } {
  if (!PEP508_NAME.test(name)) return { ok: false, message: `"${name}" is not a valid package name (PEP 508)` };
  // The newest non-pre-release Python that is published with this variant.
  const python = PYTHON_VERSIONS.find((p) => p.status !== "prerelease" && variantsFor(p.version).includes(variant));
  if (!python) return { ok: false, message: `no Python image is published as ${variant}` };
  const spec = BuildSpecSchema.parse({ python: python.version, base: variant, strategy: "wheelhouse", packages: [{ name }] });
  const knowledge = withDerived(derived, CURATED, ALPINE_LOOKUP);
  const plan = resolve(spec, knowledge);
  const resolved = plan.packages[0];
  const target = VARIANTS[variant].target;
  const f = knowledge.facts(name, target);
  const line = (p: PlannedSystemPackage, width: number) =>
    `  ${p.name.padEnd(width)}  ← ${p.reasons.map((r) => r.why).join("; ")}`;
  const section = (title: string, pkgs: PlannedSystemPackage[]) => {
    if (pkgs.length === 0) return [`${title}: nothing`];
    const width = Math.max(...pkgs.map((p) => p.name.length));
    return [`${title}:`, ...pkgs.map((p) => line(p, width))];
  };
  const out = [
    `${f?.display ?? name} on ${imageTag(python.version, variant)} (${VARIANTS[variant].label}, linux/amd64)`,
    `  ${resolved.detail}`,
    origin(f, derivedRelease(target)),
  ];
  if (f?.requires.length) out.push(`Python dependencies (Debian's Depends): ${f.requires.join(", ")}`);
  const chains = [
    ...new Set([...plan.builder.systemPackages, ...plan.final.systemPackages].flatMap((p) => p.reasons.flatMap((r) => (r.via ? [r.via.join(" → ")] : [])))),
  ];
  if (chains.length) out.push(`System needs through them: ${chains.map((c) => `via ${c}`).join("; ")}`);
  if (f?.scripts.length) out.push(`Programs it installs: ${f.scripts.join(", ")}`);
  out.push(...section("Build stage", plan.builder.systemPackages), ...section("Final image", plan.final.systemPackages));
  const verified = verificationLine(resolved.name, target);
  if (verified) out.push(verified);
  const notes = plan.warnings.filter((w) => w.package === resolved.name).map((w) => `  - ${w.message}`);
  if (notes.length) out.push("Notes:", ...notes);
  const sources = [...(f?.sources ?? [])];
  for (const dep of resolved.carries ?? []) for (const s of knowledge.facts(dep, target)?.sources ?? []) sources.push(`${dep}: ${s}`);
  if (sources.length) out.push("Sources:", ...sources.map((s) => `  - ${s}`));
  return { ok: true, text: out.join("\n") + "\n" };
}
