/**
 * Weight estimate: what multi-stage keeps out of the final image, from Debian's own package data.
 * Pure and browser-safe: reads lib/knowledge/debian-weights.json (the compact projection of the
 * committed Debian snapshot), no Node, no React.
 *
 * Method
 * - A stage's base image is a set of Debian packages: closure(roots.minbase ∪ roots.pythonSlim) for a
 *   slim variant (debian:<release>-slim plus what python:*-slim keeps), and additionally
 *   closure(roots.full) for a full variant (buildpack-deps' curl, scm and main layers plus the Python
 *   image's libbluetooth-dev, tk-dev, uuid-dev). Closures follow Depends + Pre-Depends as resolved in the
 *   snapshot (virtuals to their recorded provider); both base closures are computed once per release,
 *   and the last few package lists' closures are kept (the page recomputes on every keystroke).
 * - `weigh` gives the numbers; `describeWeight` writes the sentence; `estimate` is both, memoised.
 * - What a stage adds = closure(base ∪ the stage's apt packages) minus the base.
 * - "Single stage" = the same build in one stage: the builder's base + builder's packages + final's packages.
 *   "This build" = the final stage's base + the final stage's packages.
 * - Weight = the sum of Debian's Installed-Size (KiB × 1024 bytes), shown in decimal MB (10^6 bytes),
 *   the unit `docker images` uses.
 *
 * Limits (also in `limits` of every result and in docs/weight-estimate.md)
 * - Installed size is not layer size: slim images exclude /usr/share/doc (except copyright), man pages and
 *   most locales at dpkg level, so files counted here may never land; a layer also carries dpkg's
 *   database and whatever the RUN left behind (apt lists if not removed, pip caches).
 * - Recommends are not counted: the generated Dockerfiles use --no-install-recommends. A build that
 *   runs a bare `apt-get install -y` gets more.
 * - Sizes are those of the snapshot's point release (release suite, no -updates/-security).
 * - Only Debian packages: the Python interpreter in /usr/local and the Python packages themselves
 *   (wheels, the venv) are not estimated; they are the same in single- and multi-stage builds.
 * - A package name the snapshot does not hold (the snapshot is the closure of what the knowledge,
 *   the images and the seeds use) is listed under `unknown` and not counted.
 * - Alpine is not estimated: Alpine's package index is not reachable from where the snapshot is built.
 */
import weights from "./knowledge/debian-weights.json" with { type: "json" };
import { dependsClosure } from "./knowledge/closure";
import { VARIANTS } from "./knowledge/python-images";
import type { DebianRelease } from "./knowledge/types";
import { estimateKey, type StagesOf } from "./estimate-key";
import { memo } from "./memo";
import type { PlannedStage } from "./resolve";

interface WeightsRelease {
  version: string;
  date: string;
  roots: { minbase: string[]; pythonSlim: string[]; full: string[]; validation: Record<string, string[]> };
  virtuals: Record<string, string>;
  packages: Record<string, [number, string[]]>;
}
const RELEASES = (weights as unknown as { releases: Record<DebianRelease, WeightsRelease> }).releases;

/** One release as Maps (built once per release: lookups in a 700-key JSON object are slow). */
interface ReleaseIndex {
  packages: ReadonlyMap<string, readonly [number, readonly string[]]>;
  virtuals: ReadonlyMap<string, string>;
}
const releaseIndex = memo(
  (release: DebianRelease): ReleaseIndex => {
    const rel = RELEASES[release];
    return { packages: new Map(Object.entries(rel.packages)), virtuals: new Map(Object.entries(rel.virtuals)) };
  },
  { key: (release) => release, size: 8 },
);

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Decimal megabytes (10^6 bytes, as `docker images` prints) from Debian's KiB, one decimal. */
function kibToMb(kib: number): number {
  return Math.round((kib * 1024) / 1e5) / 10;
}

export type BaseKind = "slim" | "full";

export interface PackageWeight {
  name: string;
  mb: number;
}

/** A set of Debian packages with its weight. */
export interface PackageSetWeight {
  count: number;
  mb: number;
}

export interface StageEstimate {
  name: "builder" | "final";
  image: string;
  release: DebianRelease;
  baseKind: BaseKind;
  /** The Debian packages the base image already carries. */
  base: PackageSetWeight;
  /** What this stage's apt-get install adds on top of its base, names sorted. */
  adds: PackageSetWeight & { packages: PackageWeight[] };
  /** Names asked for that the snapshot does not hold: not counted. */
  unknown: string[];
}

export type HeavyKind = "compiler" | "headers" | "perl" | "python" | "library" | "tool";

export interface HeavyPackage extends PackageWeight {
  kind: HeavyKind;
}

/** The numbers of a weight estimate. */
export interface Weighed {
  status: "estimated";
  /** Debian point release(s) the sizes come from, e.g. "bookworm 12.15". */
  snapshot: string;
  builder: StageEstimate;
  final: StageEstimate;
  /** The final stage's base image alone. */
  base: PackageSetWeight & { image: string };
  /** The same build in one stage: builder base + builder packages + final packages. */
  singleStage: PackageSetWeight & { image: string };
  /** This build's final image: final base + final packages. */
  thisBuild: PackageSetWeight & { image: string };
  /** What multi-stage keeps out: singleStage minus thisBuild. */
  saved: PackageSetWeight & { heavy: HeavyPackage[]; kinds: HeavyKind[] };
}

export interface NotWeighed {
  status: "not-estimated";
  reason: string;
}

export type Weight = Weighed | NotWeighed;

/** What an estimate says in words: the plain sentence, how it is made and what it leaves out. */
export interface EstimateText {
  sentence: string;
  method: string;
  limits: string[];
}

export type Estimated = Weighed & EstimateText;
export type NotEstimated = NotWeighed & EstimateText;
export type Estimate = Estimated | NotEstimated;

const ESTIMATE_METHOD =
  "Debian packages only: each stage's base image is the Depends + Pre-Depends closure of debian-slim's required packages and what python:*-slim keeps " +
  "(plus buildpack-deps' packages for full images); a stage adds the closure of its apt packages minus its base; single stage = builder base + builder " +
  "packages + final packages. Weight = sum of Debian's Installed-Size, in decimal MB. Python packages' own sizes are not estimated.";

const ESTIMATE_LIMITS: readonly string[] = [
  "Installed size, not layer size: slim images drop /usr/share/doc, man pages and locales, so the real layer is usually a little smaller; a layer that keeps apt lists or pip caches is larger.",
  "Recommends are not counted (the Dockerfile uses --no-install-recommends).",
  "Sizes of the Debian snapshot's point release; security updates change them slightly.",
  "The Python interpreter and the Python packages (wheels, venv) are not estimated: they weigh the same in single- and multi-stage builds.",
];

const HEAVY_TOP = 5;

// ---------------------------------------------------------------------------------------------
// Closures, memoised per release and base kind.

interface BaseSet {
  names: ReadonlySet<string>;
  kib: number;
}

/** The real names of `names` (virtuals to their provider), and the names the snapshot does not hold, sorted. */
function realNames(rel: ReleaseIndex, names: readonly string[]): { real: string[]; unknown: string[] } {
  const real: string[] = [];
  const unknown = new Set<string>();
  for (const n of names) {
    const r = rel.packages.has(n) ? n : rel.virtuals.get(n);
    if (r === undefined) unknown.add(n);
    else real.push(r);
  }
  return { real, unknown: [...unknown].sort(byCodePoint) };
}

function sumKib(rel: ReleaseIndex, names: Iterable<string>): number {
  let kib = 0;
  for (const n of names) kib += rel.packages.get(n)![0];
  return kib;
}

/** The Debian packages of a python:*-<release> image (slim or full), computed once per release. */
const baseImagePackages = memo(
  (release: DebianRelease, kind: BaseKind): BaseSet => {
    const roots = RELEASES[release].roots;
    const rel = releaseIndex(release);
    const { real } = realNames(rel, [...roots.minbase, ...roots.pythonSlim, ...(kind === "full" ? roots.full : [])]);
    const names = dependsClosure(real, (n) => rel.packages.get(n)![1]);
    return { names, kib: sumKib(rel, names) };
  },
  { key: (release, kind) => `${release}:${kind}`, size: 8 },
);

export interface Added {
  readonly names: readonly string[];
  readonly kib: number;
  readonly unknown: readonly string[];
}

/**
 * What installing `packages` on a base adds: real package names not in the base, and names the snapshot lacks.
 * The last results are kept: the page recomputes the same lists on every keystroke.
 */
export const packagesAdded = memo(
  (release: DebianRelease, kind: BaseKind, packages: readonly string[]): Added => {
    const rel = releaseIndex(release);
    const base = baseImagePackages(release, kind);
    const { real, unknown } = realNames(rel, packages);
    const names = [...dependsClosure(real, (n) => rel.packages.get(n)![1], base.names)].sort(byCodePoint);
    return Object.freeze({ names: Object.freeze(names), kib: sumKib(rel, names), unknown: Object.freeze(unknown) });
  },
  { key: (release, kind, packages) => `${release}\u0000${kind}\u0000${packages.join("\u0000")}`, size: 64 },
);

/** The seed articles' own apt-get lines recorded in the snapshot ("000" on bullseye, "003" on bookworm). */
export function validationRoots(release: DebianRelease): Readonly<Record<string, readonly string[]>> {
  return RELEASES[release].roots.validation;
}

// ---------------------------------------------------------------------------------------------
// Naming the heavy packages.

const KIND_RULES: readonly [RegExp, HeavyKind][] = [
  [/^(gcc|g\+\+|cpp|gfortran|rustc|cargo|clang|llvm)(-\d+)?$|^(gcc|g\+\+|cpp)-\d+-|^libgcc-\d+-dev$|^libstdc\+\+-\d+-dev$|^lib(asan|tsan|ubsan|lsan|hwasan|itm|quadmath|gfortran)\d*$|^libllvm|^libclang|^binutils|^libbinutils$|^libctf|^libgprofng|^libjansson|^libisl|^libmpc|^libmpfr|^libcc1/, "compiler"],
  [/^perl$|^perl-|^libperl/, "perl"],
  [/^(lib)?python\d/, "python"],
  [/-dev$|^linux-libc-dev$/, "headers"],
  [/^lib/, "library"],
];

function kindOf(name: string): HeavyKind {
  for (const [re, kind] of KIND_RULES) if (re.test(name)) return kind;
  return "tool";
}

const KIND_WORDS: Record<HeavyKind, string> = {
  compiler: "compilers",
  headers: "headers",
  perl: "perl",
  python: "Debian's own Python",
  library: "libraries",
  tool: "tools",
};

// ---------------------------------------------------------------------------------------------
// The numbers.

function baseKindOf(stage: PlannedStage): BaseKind {
  return VARIANTS[stage.variant].slim ? "slim" : "full";
}

interface StageWork extends StageEstimate {
  /** The added names (not in the base), for set arithmetic below. */
  added: ReadonlySet<string>;
  baseSet: BaseSet;
  kib: number;
}

function stageEstimate(stage: PlannedStage, extra: readonly string[] = []): StageWork {
  const release = stage.target as DebianRelease;
  const kind = baseKindOf(stage);
  const base = baseImagePackages(release, kind);
  const names = [...stage.systemPackages.map((p) => p.name), ...extra];
  const added = packagesAdded(release, kind, names);
  const rel = releaseIndex(release);
  return {
    name: stage.name,
    image: stage.image,
    release,
    baseKind: kind,
    base: { count: base.names.size, mb: kibToMb(base.kib) },
    adds: {
      count: added.names.length,
      mb: kibToMb(added.kib),
      packages: added.names.map((n) => ({ name: n, mb: kibToMb(rel.packages.get(n)![0]) })),
    },
    unknown: [...added.unknown],
    added: new Set(added.names),
    baseSet: base,
    kib: base.kib + added.kib,
  };
}

/** The weight estimate's numbers for a plan's two stages (see the header comment for the method and its limits). */
export function weigh(plan: StagesOf): Weight {
  const { builder, final } = plan;
  if (builder.family === "alpine" || final.family === "alpine")
    return { status: "not-estimated", reason: "Alpine's package index is not reachable where the snapshot is built, so there are no apk sizes to add up." };

  const b = stageEstimate(builder);
  const f = stageEstimate(final);
  // Single stage: the builder's image with both stages' packages installed together.
  const single = stageEstimate(builder, final.systemPackages.map((p) => p.name));
  const singleRel = releaseIndex(single.release);

  // Saved = (single stage's packages) minus (this build's). With the same base on both sides (the usual
  // case) only the added names need comparing; otherwise compare whole images.
  const inThisBuild = (n: string) => f.added.has(n) || f.baseSet.names.has(n);
  const savedNames = (
    single.baseSet === f.baseSet ? [...single.added].filter((n) => !f.added.has(n)) : [...single.baseSet.names, ...single.added].filter((n) => !inThisBuild(n))
  ).sort(byCodePoint);
  const singleCount = single.baseSet.names.size + single.added.size;
  const thisCount = f.baseSet.names.size + f.added.size;
  const heavyAll: HeavyPackage[] = savedNames.map((n) => ({ name: n, mb: kibToMb(singleRel.packages.get(n)![0]), kind: kindOf(n) }));
  const heavy = [...heavyAll].sort((x, y) => y.mb - x.mb || byCodePoint(x.name, y.name)).slice(0, HEAVY_TOP);
  const kindWeight = new Map<HeavyKind, number>();
  for (const h of heavyAll) kindWeight.set(h.kind, (kindWeight.get(h.kind) ?? 0) + h.mb);
  const kinds = [...kindWeight.entries()].sort((x, y) => y[1] - x[1] || byCodePoint(x[0], y[0])).map(([k]) => k);

  const releases = [...new Set([b.release, f.release])].sort(byCodePoint);
  const strip = ({ added: _a, baseSet: _b, kib: _k, ...rest }: StageWork): StageEstimate => rest;
  return {
    status: "estimated",
    snapshot: releases.map((r) => `${r} ${RELEASES[r].version}`).join(", "),
    builder: strip(b),
    final: strip(f),
    base: { image: final.image, count: f.base.count, mb: f.base.mb },
    singleStage: { image: builder.image, count: singleCount, mb: kibToMb(single.kib) },
    thisBuild: { image: final.image, count: thisCount, mb: kibToMb(f.kib) },
    saved: { count: singleCount - thisCount, mb: kibToMb(single.kib - f.kib), heavy, kinds },
  };
}

// ---------------------------------------------------------------------------------------------
// The words.

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function formatMb(mb: number): string {
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

/** The estimate in words: one plain sentence, the method and the limits. */
export function describeWeight(w: Weight): EstimateText {
  const text = (sentence: string): EstimateText => ({ sentence, method: ESTIMATE_METHOD, limits: [...ESTIMATE_LIMITS] });
  if (w.status === "not-estimated") return text(`Weight not estimated: ${w.reason}`);
  const { saved } = w;
  let sentence: string;
  // Nothing saved: no package of the single-stage image is missing from this one (or they weigh under 0.05 MB).
  if (saved.heavy.length === 0 || saved.mb <= 0) {
    sentence =
      w.builder.adds.count === 0
        ? "This build installs no build tools, so single- and multi-stage weigh the same."
        : "The final image needs everything the builder installs, so single- and multi-stage weigh the same.";
  } else {
    const what = w.builder.baseKind === "full" && w.final.baseKind === "slim" ? "the full image's compilers and headers and the build tools" : "build tools";
    const mainKinds = saved.kinds.slice(0, 3).map((k) => KIND_WORDS[k]);
    sentence =
      `Multi-stage keeps ${plural(saved.count, "package")} and ${formatMb(saved.mb)} of ${what} out of the final image` +
      (saved.heavy.length ? ` (${mainKinds.join(", ")}; heaviest: ${saved.heavy.slice(0, 3).map((h) => `${h.name} ${formatMb(h.mb)}`).join(", ")}).` : ".");
  }
  const unknown = [...new Set([...w.builder.unknown, ...w.final.unknown])].sort(byCodePoint);
  if (unknown.length) sentence += ` Not counted (not in the Debian snapshot): ${unknown.join(", ")}.`;
  return text(sentence);
}

/**
 * The weight estimate of a plan, numbers and words. It depends only on the two stages' images, variants and apt
 * package names, and the last results are kept by them, so calling it on every keystroke is cheap. The returned
 * object is shared: treat it as read-only.
 */
const estimateMemo = memo(
  (plan: StagesOf): Estimate => {
    const w = weigh(plan);
    return { ...w, ...describeWeight(w) };
  },
  { key: estimateKey, size: 64 },
);

export function estimate(plan: StagesOf): Estimate {
  return estimateMemo(plan);
}

/** Forgets every kept estimate (for benchmarks measuring the cold path). */
export function clearEstimateCache(): void {
  estimateMemo.clear();
}
