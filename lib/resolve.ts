/**
 * spec + knowledge → plan: what each stage installs and why, and what the user should know.
 * Pure and deterministic: the same spec always gives the same plan.
 */
import { lookupPackage, normalizeName, type Arch, type PackageKnowledge, type Target } from "./knowledge";
import { TOOLCHAINS, TOOLCHAIN_NOTES } from "./knowledge/toolchains";
import { decideWheel } from "./knowledge/wheels";
import { VARIANTS, imageTag, isLegacyVariant, pythonInfo, type PythonVersionInfo, type VariantId } from "./knowledge/python-images";
import type { BuildSpec, Requirement, StrategyId } from "./spec";

export type ReasonKind = "python-package" | "toolchain" | "user";

export interface PackageReason {
  kind: ReasonKind;
  /** The Python package that needs it (normalised name), when kind is python-package or toolchain. */
  pythonPackage?: string;
  why: string;
}

export interface PlannedSystemPackage {
  name: string;
  reasons: PackageReason[];
}

export interface PlannedStage {
  name: "builder" | "final";
  image: string;
  variant: VariantId;
  target: Target;
  family: "debian" | "alpine";
  systemPackages: PlannedSystemPackage[];
}

export type InstallKind = "wheel" | "source" | "pure" | "unknown";

export interface ResolvedRequirement {
  requirement: Requirement;
  name: string;
  knowledge?: PackageKnowledge;
  install: InstallKind;
  /** Why it is installed this way, in one sentence. */
  detail: string;
  /** The listed requirement whose extra pulled this package in, e.g. "psycopg[c]"; absent for listed packages. */
  via?: string;
}

export type Severity = "info" | "warning";

export interface PlanWarning {
  code: string;
  severity: Severity;
  message: string;
  /** Spec field the warning is about, as a dotted path. */
  field?: string;
  package?: string;
}

export interface Plan {
  spec: BuildSpec;
  python: PythonVersionInfo;
  strategy: StrategyId;
  builder: PlannedStage;
  final: PlannedStage;
  packages: ResolvedRequirement[];
  /** Packages compiled from source (for pip --no-binary when the user asks for source builds). */
  compiled: string[];
  warnings: PlanWarning[];
}

const ARCH: Record<BuildSpec["platform"], Arch> = { "linux/amd64": "x86_64", "linux/arm64": "aarch64" };

/**
 * The listed requirements, then the packages their extras pull (knowledge's `extras`: psycopg[c] → psycopg-c),
 * each once: a pulled package already listed, or pulled before, is not added again.
 */
function withPulledPackages(listed: readonly Requirement[]): { requirement: Requirement; via?: string }[] {
  const queue: { requirement: Requirement; via?: string }[] = listed.map((requirement) => ({ requirement }));
  const names = new Set(listed.map((r) => normalizeName(r.name)));
  for (let i = 0; i < queue.length; i++) {
    const { requirement } = queue[i];
    const extras = lookupPackage(requirement.name)?.extras;
    if (!extras) continue;
    for (const extra of requirement.extras.map(normalizeName))
      for (const name of extras[extra]?.requires ?? []) {
        if (names.has(name)) continue;
        names.add(name);
        queue.push({ requirement: { name, extras: [], hashes: [] }, via: `${requirement.name}[${extra}]` });
      }
  }
  return queue;
}

class PackageSet {
  private map = new Map<string, PackageReason[]>();
  add(name: string, reason: PackageReason) {
    const list = this.map.get(name) ?? [];
    if (!list.some((r) => r.kind === reason.kind && r.pythonPackage === reason.pythonPackage && r.why === reason.why)) list.push(reason);
    this.map.set(name, list);
  }
  delete(name: string) {
    return this.map.delete(name);
  }
  list(): PlannedSystemPackage[] {
    return [...this.map.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, reasons]) => ({ name, reasons }));
  }
}

export function resolve(spec: BuildSpec): Plan {
  const python = pythonInfo(spec.python);
  if (!python) throw new Error(`unknown Python version ${spec.python}`); // unreachable for a parsed spec
  const builderVariant = VARIANTS[spec.base];
  const finalVariantId = spec.finalBase ?? spec.base;
  const finalVariant = VARIANTS[finalVariantId];
  const target = builderVariant.target;
  const libc = builderVariant.family === "alpine" ? "musllinux" : "manylinux";
  const arch = ARCH[spec.platform];
  const warnings: PlanWarning[] = [];
  const build = new PackageSet();
  const runtime = new PackageSet();
  const compiled: string[] = [];

  if (python.status === "end-of-life")
    warnings.push({
      code: "python-eol",
      severity: "warning",
      field: "python",
      message: `Python ${python.version} reached its end of life on ${python.endOfLife}: no more security fixes. Move to 3.13 or newer.`,
    });
  if (python.status === "prerelease")
    warnings.push({
      code: "python-prerelease",
      severity: "warning",
      field: "python",
      message: `Python ${python.version} is a pre-release (${python.fullVersion}, tag ${python.tagPrefix}): few packages publish wheels for it yet, so more is compiled. Not for production.`,
    });
  for (const [field, id] of [["base", spec.base], ["finalBase", finalVariantId]] as const) {
    if (field === "finalBase" && spec.finalBase === null) continue;
    if (isLegacyVariant(spec.python, id)) {
      const v = VARIANTS[id];
      warnings.push({
        code: "legacy-image",
        severity: "warning",
        field,
        message: `${imageTag(spec.python, id)} is no longer rebuilt by the official image${v.distroNote ? `. ${v.distroNote}` : ""}`,
      });
    }
  }
  if (!finalVariant.slim)
    warnings.push({
      code: "full-final-image",
      severity: "warning",
      field: spec.finalBase ? "finalBase" : "base",
      message: `The final stage uses the full ${finalVariantId} image, which already carries compilers and headers (about 1 GB). Choose slim-${finalVariant.release} for the final stage.`,
    });

  const packages: ResolvedRequirement[] = [];
  const seen = new Set<string>();
  for (const { requirement, via } of withPulledPackages(spec.packages)) {
    const name = normalizeName(requirement.name);
    if (seen.has(name)) {
      warnings.push({ code: "duplicate-package", severity: "warning", field: "packages", package: name, message: `${requirement.name} is listed more than once` });
      continue;
    }
    seen.add(name);
    const k = lookupPackage(name);
    if (!k) {
      packages.push({ requirement, name, install: "unknown", detail: "Not in the knowledge base: assumed pure Python, no system packages." });
      continue;
    }
    for (const note of k.notes)
      warnings.push({ code: "package-note", severity: "info", field: "packages", package: name, message: `${k.display}: ${note}` });

    const bundled = k.binaryExtra !== undefined && requirement.extras.map(normalizeName).includes(normalizeName(k.binaryExtra));
    const wheel = decideWheel(k, requirement.specifier, spec.python, libc, arch);
    const hasWheel = wheel.wheel;
    const fromSource = !bundled && !k.wheels.pure && (spec.buildFromSource || !hasWheel);
    let install: InstallKind;
    let detail: string;
    if (bundled) {
      install = "wheel";
      detail = `${k.display}[${k.binaryExtra}] installs a self-contained binary build: no system packages needed.`;
    } else if (k.wheels.pure) {
      install = "pure";
      detail = `${k.display} is pure Python.`;
    } else if (!fromSource) {
      install = "wheel";
      detail = wheel.detail;
    } else {
      install = "source";
      detail = spec.buildFromSource && hasWheel ? `Compiled from source as requested (a wheel exists).` : wheel.detail;
      compiled.push(name);
      if (builderVariant.family === "alpine" && !spec.buildFromSource)
        warnings.push({
          code: "alpine-compile",
          severity: "warning",
          field: "base",
          package: name,
          message: `${k.display} has no musllinux ${arch} wheel for Python ${spec.python}: on Alpine it is compiled from source, which can take minutes and needs the build packages below. A slim Debian image installs a wheel instead.`,
        });
    }
    packages.push({ requirement, name, knowledge: k, install, detail: via ? `Pulled in by ${via}. ${detail}` : detail, ...(via ? { via } : {}) });
    if (bundled) continue;

    if (fromSource) {
      for (const tc of k.toolchains) {
        for (const pkg of TOOLCHAINS[tc][target]) build.add(pkg, { kind: "toolchain", pythonPackage: name, why: `${tc} compiler to build ${k.display}` });
        const note = TOOLCHAIN_NOTES[tc]?.[target];
        if (note) warnings.push({ code: `toolchain-${tc}`, severity: "warning", package: name, message: `${k.display}: ${note}` });
      }
    }
    for (const need of k.needs) {
      if (need.when === "source" && !fromSource) continue;
      const names = need.packages[target];
      if (names.length === 0) continue;
      const set = need.stage === "build" ? build : runtime;
      for (const pkg of names) set.add(pkg, { kind: "python-package", pythonPackage: name, why: need.why });
      if (need.when === "always" && need.stage === "runtime" && install === "wheel")
        warnings.push({
          code: "wheel-needs-library",
          severity: "info",
          package: name,
          message: `${k.display}'s wheel still needs ${names.join(", ")} at run time (${need.why}); the final stage installs it.`,
        });
    }
  }

  for (const pkg of spec.systemPackages.build) build.add(pkg, { kind: "user", why: "added by you (build stage)" });
  for (const pkg of spec.systemPackages.runtime) runtime.add(pkg, { kind: "user", why: "added by you (final image)" });
  for (const pkg of spec.systemPackages.omit) {
    const removedFromBuild = build.delete(pkg);
    const removedFromRuntime = runtime.delete(pkg);
    if (removedFromBuild || removedFromRuntime)
      warnings.push({ code: "omitted-package", severity: "warning", field: "systemPackages.omit", message: `You removed ${pkg}; the build may fail or the app may not start without it.` });
  }

  if (spec.strategy === "site-packages")
    warnings.push({
      code: "site-packages-pitfall",
      severity: "warning",
      field: "strategy",
      message: `Copying only /usr/local/lib/python${spec.python}/site-packages (seed 002) loses console scripts such as gunicorn and uvicorn, which pip puts in /usr/local/bin. This Dockerfile copies both; the uv or venv strategy avoids the problem altogether.`,
    });
  if (spec.runtime.user.enabled === false)
    warnings.push({ code: "root-user", severity: "warning", field: "runtime.user.enabled", message: "The container runs as root. Keep the non-root user unless the app truly needs root." });

  return {
    spec,
    python,
    strategy: spec.strategy,
    builder: { name: "builder", image: imageTag(spec.python, spec.base), variant: spec.base, target, family: builderVariant.family, systemPackages: build.list() },
    final: {
      name: "final",
      image: imageTag(spec.python, finalVariantId),
      variant: finalVariantId,
      target: finalVariant.target,
      family: finalVariant.family,
      systemPackages: runtime.list(),
    },
    packages,
    compiled,
    warnings,
  };
}
