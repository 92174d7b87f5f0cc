/**
 * spec + knowledge → plan: what each stage installs and why, and what the user should know.
 * Pure and deterministic: the same spec always gives the same plan.
 */
import { normalizeName } from "./knowledge/names";
import type { Arch, PackageKnowledge, Target } from "./knowledge/types";
import type { Knowledge, PackageFacts } from "./knowledge/facts";
import { TOOLCHAINS, TOOLCHAIN_NOTES } from "./knowledge/toolchains";
import { decideWheel } from "./knowledge/wheels";
import { VARIANTS, imageTag, isLegacyVariant, pythonInfo, type PythonVersionInfo, type VariantId } from "./knowledge/python-images";
import { evaluateMarker, markerEnvironment } from "./markers";
import { appPlan, type AppPlan } from "./plan/app";
import { installSteps, type InstallPlan } from "./plan/install-steps";
import { compiledOnRequest, wheelsOnly } from "./plan/source-builds";
import { ruleWarnings } from "./rules/plan-warnings";
import type { BuildSpec, Requirement, StrategyId } from "./spec";

export type ReasonKind = "python-package" | "toolchain" | "user";

export interface PackageReason {
  kind: ReasonKind;
  /** The Python package that needs it (normalised name), when kind is python-package or toolchain. */
  pythonPackage?: string;
  why: string;
  /** For a need of a Python dependency: the chain from the listed package to it, e.g. ["python-ldap"]. */
  via?: string[];
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
  /** The curated entry, when there is one. */
  knowledge?: PackageKnowledge;
  /** Its facts come from Debian's data alone (no curated entry): no wheel facts, Debian's names. */
  derived?: true;
  install: InstallKind;
  /** Why it is installed this way, in one sentence. */
  detail: string;
  /** Its Python dependencies whose system needs the plan installs on its behalf (names, in the order found). */
  carries?: string[];
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
  /** Every command each stage runs to install its packages and the dependencies, and the final stage's ENV. */
  install: InstallPlan;
  /** How the final stage runs the app. */
  app: AppPlan;
}

const ARCH: Record<BuildSpec["platform"], Arch> = { "linux/amd64": "x86_64", "linux/arm64": "aarch64" };

/**
 * The listed requirements, then the packages their extras pull (knowledge's `extras`: psycopg[c] → psycopg-c),
 * each once: a pulled package already listed, or pulled before, is not added again.
 */
function withPulledPackages(listed: readonly Requirement[], knowledge: Knowledge, target: Target): { requirement: Requirement; via?: string }[] {
  const queue: { requirement: Requirement; via?: string }[] = listed.map((requirement) => ({ requirement }));
  const names = new Set(listed.map((r) => normalizeName(r.name)));
  for (let i = 0; i < queue.length; i++) {
    const { requirement } = queue[i];
    const extras = knowledge.facts(requirement.name, target)?.curated?.extras;
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

interface InstallWay {
  install: InstallKind;
  detail: string;
  /** Compiled from the sdist (or, without wheel facts, possibly so): the build needs apply. */
  fromSource: boolean;
  /** A binary extra that bundles every system need. */
  bundled: boolean;
}

interface WayContext {
  spec: BuildSpec;
  libc: "manylinux" | "musllinux";
  arch: Arch;
  /** The requirement as listed; absent for a dependency reached through requires (no extras, not forced to source). */
  requirement?: Requirement;
}

function installWay(f: PackageFacts, { spec, libc, arch, requirement }: WayContext): InstallWay {
  const k = f.curated;
  const forced = requirement !== undefined && compiledOnRequest(spec, f.name);
  if (!k) {
    const d = f.derivedOnly!;
    return { install: f.pure ? "pure" : "source", detail: forced ? d.forcedDetail : d.detail, fromSource: !f.pure, bundled: false };
  }
  const bundled = requirement !== undefined && k.binaryExtra !== undefined && requirement.extras.map(normalizeName).includes(normalizeName(k.binaryExtra));
  const wheel = decideWheel(k, requirement?.specifier, spec.python, libc, arch);
  const hasWheel = wheel.wheel;
  const fromSource = !bundled && !k.wheels.pure && (forced || !hasWheel);
  if (bundled) return { install: "wheel", detail: `${k.display}[${k.binaryExtra}] installs a self-contained binary build: no system packages needed.`, fromSource, bundled };
  if (k.wheels.pure) return { install: "pure", detail: `${k.display} is pure Python.`, fromSource, bundled };
  if (!fromSource) return { install: "wheel", detail: wheel.detail, fromSource, bundled };
  const detail = forced && hasWheel ? `Compiled from source as requested (a wheel exists).` : wheel.detail;
  return { install: "source", detail, fromSource, bundled };
}

/** The warning about a compiled package known from Debian's data alone: on Alpine, name its apk packages; else, a note. */
function derivedWarning(f: PackageFacts, alpine: boolean): PlanWarning {
  const d = f.derivedOnly!;
  if (!alpine) return { code: "derived-no-wheel-facts", severity: "info", package: f.name, message: `${f.display}: ${d.note}` };
  // Every Debian name mapped to an apk name: an info note that the mapping is by name.
  if (d.alpine === undefined) return { code: "alpine-derived-mapped", severity: "info", field: "base", package: f.name, message: `${f.display} ${d.note}` };
  return { code: "alpine-derived", severity: "warning", field: "base", package: f.name, message: `${f.display} ${d.alpine}` };
}

interface NeedsContext {
  target: Target;
  build: PackageSet;
  runtime: PackageSet;
  warnings: PlanWarning[];
  /** The listed package every reason is traced to. */
  root: string;
  /** The chain of Python dependencies from `root` to the package whose needs these are; empty for `root` itself. */
  via: string[];
}

/**
 * Adds the compilers and system packages `f` needs, installed `way`. A dependency (non-empty `via`) only counts for
 * the system packages it brings: a compiler alone, or nothing, adds nothing. Returns whether anything counted.
 */
function addNeeds(f: PackageFacts, way: InstallWay, { target, build, runtime, warnings, root, via }: NeedsContext): boolean {
  const active = f.needs.filter((n) => (n.when === "always" || way.fromSource) && n.packages.length > 0);
  if (via.length && active.length === 0) return false;
  const chain = via.length ? `, via ${via.join(" → ")}` : "";
  const reason = (kind: ReasonKind, why: string): PackageReason => (via.length ? { kind, pythonPackage: root, why: why + chain, via } : { kind, pythonPackage: root, why });
  if (way.fromSource)
    for (const tc of f.toolchains) {
      for (const pkg of TOOLCHAINS[tc][target]) build.add(pkg, reason("toolchain", `${tc} compiler to build ${f.display}`));
      const note = TOOLCHAIN_NOTES[tc]?.[target];
      if (note) warnings.push({ code: `toolchain-${tc}`, severity: "warning", package: root, message: `${f.display}: ${note}` });
    }
  for (const need of active) {
    const set = need.stage === "build" ? build : runtime;
    for (const pkg of need.packages) set.add(pkg, reason("python-package", need.why));
    if (need.when === "always" && need.stage === "runtime" && way.install === "wheel")
      warnings.push({
        code: "wheel-needs-library",
        severity: "info",
        package: root,
        message: `${f.display}'s wheel still needs ${need.packages.join(", ")} at run time (${need.why}); the final stage installs it.`,
      });
  }
  return true;
}

export function resolve(spec: BuildSpec, knowledge: Knowledge): Plan {
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
  // A requirement whose marker is false for this Python and platform is skipped, as pip skips it; so two lines
  // with exclusive markers (numpy==1.26 below 3.12, numpy==2.1 from it) are not a duplicate.
  const environment = markerEnvironment(python.version, python.fullVersion, spec.platform);
  const applicable = spec.packages.filter((r) => {
    if (!r.marker || evaluateMarker(r.marker, environment, r.extras) !== false) return true;
    warnings.push({ code: "marker-skipped", severity: "info", field: "packages", package: normalizeName(r.name), message: `${r.name} is skipped: its marker (${r.marker}) is false for Python ${python.version} on ${spec.platform}` });
    return false;
  });
  const queue = withPulledPackages(applicable, knowledge, target);
  const listed = new Set(queue.map((q) => normalizeName(q.requirement.name)));
  for (const { requirement, via } of queue) {
    const name = normalizeName(requirement.name);
    if (seen.has(name)) {
      warnings.push({ code: "duplicate-package", severity: "warning", field: "packages", package: name, message: `${requirement.name} is listed more than once` });
      continue;
    }
    seen.add(name);
    const facts = knowledge.facts(name, target);
    if (!facts) {
      packages.push({ requirement, name, install: "unknown", detail: "Not in the knowledge base, and Debian does not package it: assumed pure Python, no system packages." });
      continue;
    }
    for (const note of facts.notes)
      warnings.push({ code: "package-note", severity: "info", field: "packages", package: name, message: `${facts.display}: ${note}` });

    const way = installWay(facts, { spec, libc, arch, requirement });
    // Without wheel facts pip is not told to compile (a wheel may exist) unless every package is built from source.
    if (way.fromSource && (facts.curated || compiledOnRequest(spec, name))) compiled.push(name);
    // Curated wheel facts say no wheel fits: --only-binary would make pip fail rather than build it.
    if (way.fromSource && facts.curated && wheelsOnly(spec, name) && !compiledOnRequest(spec, name))
      warnings.push({
        code: "only-binary-no-wheel",
        severity: "warning",
        field: "onlyBinary",
        package: name,
        message: `${facts.display} has no ${libc} ${arch} wheel for Python ${spec.python}${requirement.specifier ? ` at ${requirement.specifier}` : ""}, and Wheels only (--only-binary) forbids building it: pip will stop with "no matching distribution". Take it out of Wheels only, or choose a Python version or image with a wheel.`,
      });
    if (way.fromSource && !facts.curated) warnings.push(derivedWarning(facts, builderVariant.family === "alpine"));
    else if (way.fromSource && builderVariant.family === "alpine" && !compiledOnRequest(spec, name))
      warnings.push({
        code: "alpine-compile",
        severity: "warning",
        field: "base",
        package: name,
        message: `${facts.display} has no musllinux ${arch} wheel for Python ${spec.python}: on Alpine it is compiled from source, which can take minutes and needs the build packages below. A slim Debian image installs a wheel instead.`,
      });
    const resolved: ResolvedRequirement = { requirement, name, knowledge: facts.curated, install: way.install, detail: via ? `Pulled in by ${via}. ${way.detail}` : way.detail };
    if (via) resolved.via = via;
    if (!facts.curated) resolved.derived = true;
    if (way.bundled) {
      packages.push(resolved);
      continue;
    }
    addNeeds(facts, way, { target, build, runtime, warnings, root: name, via: [] });

    // Python dependencies that bring system needs of their own (a pure wrapper over a compiled package). Only curated
    // entries count: their wheel facts decide. Debian's Depends reflect Debian's packaging (system copies of what a
    // wheel bundles, Debian's older versions), and a package only Debian knows as compiled most often has a wheel:
    // a pure package's direct requirement of that kind is named in a note instead of filling the builder.
    const carries: string[] = [];
    const unsure: string[] = [];
    for (const dep of knowledge.dependencies(facts, target, listed)) {
      const d = dep.facts;
      if (d.curated) {
        if (addNeeds(d, installWay(d, { spec, libc, arch }), { target, build, runtime, warnings, root: name, via: dep.via })) carries.push(d.name);
      } else if (facts.pure && dep.via.length === 1 && !d.pure && (d.needs.length || d.derivedOnly?.unnamedNeeds)) unsure.push(d.display);
    }
    if (carries.length) resolved.carries = carries;
    if (unsure.length)
      warnings.push({
        code: "derived-dependency",
        severity: "info",
        package: name,
        message: `${facts.display} depends on ${unsure.join(", ")}, which Debian compiles; with no wheel facts nothing is planned for ${unsure.length > 1 ? "them" : "it"}. If pip compiles one, add what \`wheelwright explain\` lists for it.`,
      });
    packages.push(resolved);
  }

  if (spec.gitPackages.length)
    build.add("git", { kind: "python-package", pythonPackage: spec.gitPackages.join(", "), why: "pip clones them from Git (the final image does not need git)" });
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

  const decided: Omit<Plan, "install" | "app"> = {
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
  const plan: Plan = Object.assign(decided, { install: installSteps(decided), app: appPlan(spec) });
  // The rules that read a plan (root user, the command's program, the port, -dev packages in the final image, GDAL's pin).
  warnings.push(...ruleWarnings(plan));
  return plan;
}
