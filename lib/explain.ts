/** Plain-text explanation of what one package needs on one image variant (CLI `explain`). */
import { lookupPackage } from "./knowledge";
import { PYTHON_VERSIONS, VARIANTS, imageTag, variantsFor, type VariantId } from "./knowledge/python-images";
import { verificationLine } from "./knowledge/verification";
import { resolve, type PlannedSystemPackage } from "./resolve";
import { BuildSpecSchema, PEP508_NAME } from "./spec";

export function explainPackage(name: string, variant: VariantId): { ok: true; text: string } | { ok: false; message: string } {
  if (!PEP508_NAME.test(name)) return { ok: false, message: `"${name}" is not a valid package name (PEP 508)` };
  // The newest non-pre-release Python that is published with this variant.
  const python = PYTHON_VERSIONS.find((p) => p.status !== "prerelease" && variantsFor(p.version).includes(variant));
  if (!python) return { ok: false, message: `no Python image is published as ${variant}` };
  const spec = BuildSpecSchema.parse({ python: python.version, base: variant, strategy: "wheelhouse", packages: [{ name }] });
  const plan = resolve(spec);
  const resolved = plan.packages[0];
  const k = lookupPackage(name);
  const line = (p: PlannedSystemPackage, width: number) =>
    `  ${p.name.padEnd(width)}  ← ${p.reasons.map((r) => r.why).join("; ")}`;
  const section = (title: string, pkgs: PlannedSystemPackage[]) => {
    if (pkgs.length === 0) return [`${title}: nothing`];
    const width = Math.max(...pkgs.map((p) => p.name.length));
    return [`${title}:`, ...pkgs.map((p) => line(p, width))];
  };
  const out = [
    `${k?.display ?? name} on ${imageTag(python.version, variant)} (${VARIANTS[variant].label}, linux/amd64)`,
    `  ${resolved.detail}`,
    ...section("Build stage", plan.builder.systemPackages),
    ...section("Final image", plan.final.systemPackages),
  ];
  const verified = k && verificationLine(k.name, VARIANTS[variant].target);
  if (verified) out.push(verified);
  const notes = plan.warnings.filter((w) => w.package === resolved.name).map((w) => `  - ${w.message}`);
  if (notes.length) out.push("Notes:", ...notes);
  if (k) out.push("Sources:", ...k.sources.map((s) => `  - ${s}`));
  return { ok: true, text: out.join("\n") + "\n" };
}
