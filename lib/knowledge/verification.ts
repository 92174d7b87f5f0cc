/**
 * What running the knowledge in real Debian roots showed (npm run verify:runtime, scripts/verify/build.ts), per
 * release, and a one-line summary for `explain` and the page. The reports are data written by those scripts,
 * never by hand. Pure and browser-safe.
 */
import bookworm from "./verification/bookworm.json" with { type: "json" };
import trixie from "./verification/trixie.json" with { type: "json" };
import type { DebianRelease, Target } from "./types";

/**
 * ok: the final-stage list is complete and every package in it is needed.
 * missing: a compiled module needs a library the final stage does not install.
 * redundant: removing a listed package broke nothing.
 * not-runnable: no comparable Debian binary (or build) to run; details say why.
 * not-compiled: nothing compiled to check (pure Python, or Debian's package holds no shared object).
 */
export type VerificationStatus = "ok" | "missing" | "redundant" | "not-runnable" | "not-compiled";

export interface MissingNeed {
  soname: string;
  /** The shared objects (paths in the root) that need it. */
  neededBy: string[];
  /** Debian packages shipping a file of that name (Contents index). */
  providers: string[];
  /** The package outside the final list that happened to provide it in the test root, if any. */
  servedBy?: string;
}

export interface RuntimeVerification {
  name: string;
  status: VerificationStatus;
  /** The Debian binaries whose modules were run, with the versions the archive had. */
  debian: { package: string; version: string }[];
  /** The final-stage packages Wheelwright lists for a source build on this release. */
  final: string[];
  /** Extension modules imported and shared objects checked with ldd. */
  modules: number;
  sharedObjects: number;
  missing: MissingNeed[];
  /** Listed packages whose removal broke the import or ldd: confirmed needs. */
  needed: string[];
  redundant: string[];
  /** Listed packages that ship no shared library: removing them cannot show in an import or ldd (programs, data). */
  unobservable: string[];
  /** Listed packages that python:*-slim already has: removing them would break the interpreter, so not tried. */
  inBase: string[];
  /**
   * Libraries Debian's binary links that a build with Wheelwright's builder list cannot link (no -dev package for them
   * in that list): Debian's packaging links a system copy where upstream bundles or skips it. Not a finding.
   */
  debianOnly: { soname: string; providers: string[] }[];
  details: string[];
}

export interface BuildVerification {
  name: string;
  status: "ok" | "missing" | "redundant" | "failed" | "not-buildable";
  /** The upstream source built: repository, tag and the version it declares. */
  upstream?: { repository: string; tag: string; version: string };
  date: string;
  /** The builder-stage list used, and the -dev packages Debian's python3-dev pulled in that were removed first. */
  builder: string[];
  removedFirst: string[];
  /** What the build itself lacked (a library the linker could not find, a header), with the packages that ship it. */
  buildMissing?: { file: string; providers: string[] }[];
  runtime?: Omit<RuntimeVerification, "name" | "debian">;
  /** For a distribution that installs a program (uWSGI): the program the check ldd'd and ran, and what it printed. */
  program?: { name: string; command: string; output: string };
  details: string[];
}

export interface VerificationReport {
  release: DebianRelease;
  /** Day of the runtime run (UTC, YYYY-MM-DD). */
  date: string;
  /** Debian's archive as used: the interpreter's version and the Release file's Date. */
  debian: { python3: string; archiveDate: string };
  method: string[];
  runtime: RuntimeVerification[];
  build: BuildVerification[];
}

export const VERIFICATION_REPORTS: Partial<Record<DebianRelease, VerificationReport>> = {
  bookworm: bookworm as unknown as VerificationReport,
  trixie: trixie as unknown as VerificationReport,
};

export function runtimeVerification(name: string, target: Target): { report: VerificationReport; entry: RuntimeVerification } | undefined {
  const report = target === "alpine" ? undefined : VERIFICATION_REPORTS[target];
  const entry = report?.runtime.find((e) => e.name === name);
  return report && entry ? { report, entry } : undefined;
}

/** One line for explain and the page, or undefined when the entry was not verified on that target. */
export function verificationLine(name: string, target: Target): string | undefined {
  const found = runtimeVerification(name, target);
  if (!found) return undefined;
  const line = runtimeLine(found.report, found.entry);
  const built = found.report.build.find((b) => b.name === name && b.upstream?.version && (b.status === "ok" || b.status === "missing" || b.status === "redundant"));
  if (!built?.runtime) return line;
  const what =
    built.status === "ok"
      ? "complete"
      : built.status === "missing"
        ? `misses ${built.runtime.missing.map((m) => m.soname).join(", ")}`
        : `${built.runtime.redundant.join(", ")} not needed`;
  const program = built.program ? ` (the ${built.program.name} program, checked with ldd and \`${built.program.command}\`)` : "";
  return `${line} Built from ${built.upstream!.repository} ${built.upstream!.tag} with the builder list${program}: ${what}.`;
}

function runtimeLine(report: VerificationReport, entry: RuntimeVerification): string {
  const what = entry.debian.map((d) => `${d.package} ${d.version}`).join(", ");
  const head = `Verified on ${report.release}, ${report.date} (a source build's final-stage list, run with Debian's ${what})`;
  switch (entry.status) {
    case "ok":
      return `${head}: complete${entry.needed.length ? `, and each listed library is needed` : ""}.`;
    case "missing":
      return `${head}: misses ${entry.missing.map((m) => `${m.soname} (${m.providers.join(" or ") || "no package found"})`).join(", ")}.`;
    case "redundant":
      return `${head}: complete, but ${entry.redundant.join(", ")} ${entry.redundant.length > 1 ? "are" : "is"} not needed.`;
    case "not-compiled":
      return `Nothing compiled to verify on ${report.release} (${entry.details[0] ?? "pure Python"}).`;
    case "not-runnable":
      return `Not verified on ${report.release}: ${entry.details[0] ?? "no comparable Debian build"}.`;
  }
}
