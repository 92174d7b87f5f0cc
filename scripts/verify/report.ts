/** The committed verification reports: deterministic serialisation, reading, and a summary line per status. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DebianRelease } from "../../lib/knowledge/types";
import type { BuildVerification, RuntimeVerification, VerificationReport, VerificationStatus } from "../../lib/knowledge/verification";

const REPORT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../lib/knowledge/verification");

export const METHOD: string[] = [
  "Root: debootstrap --variant=minbase of the release from deb.debian.org (main, -updates, -security), plus the packages python:*-slim keeps (lib/knowledge debian snapshot roots.pythonSlim), plus Debian's python3.",
  "Debian's python3 is not the official image's CPython (built from source in /usr/local), but it is the same release's libraries; the packages it pulls in beyond python:*-slim's set do not count as provided: a library served only by them is a missing need.",
  "Per entry: apt-get install the final-stage packages lib/resolve.ts lists for a source build on slim-<release>; apt-get install the Python packages the Debian binary depends on (context, not counted); dpkg-deb -x the Debian binary itself (its files only).",
  "Check: import every extension module and ldd every shared object. A soname not found, or found only in a package outside python:*-slim's set plus what the final list installs, is a missing need when the builder list's packages ship its link-time name (lib<x>.so), else a Debian-only link (Debian links a system copy that upstream bundles or skips).",
  "Then each listed package not already in python:*-slim is removed in turn (dpkg --remove --force-depends, throwaway overlay): if the import and ldd stay as good, it is redundant; a package that ships no shared library cannot show in this test and is reported as unobservable.",
  "Build check (scripts/verify/build.ts): the upstream tag is built with pip --no-build-isolation in a root holding exactly the builder list plus Debian's python3-dev and build backends, with the -dev packages those pull in beyond the builder list removed first; the built wheel then gets the same check as above.",
  "Source trees: git submodules come from their own repositories' snapshots at the commit the tag pins; a step the sdist has already done (a vendored library's autogen.sh) runs on the tree in a separate root, never in the builder.",
  "A program (uWSGI): the check ldd's the program from the wheel's scripts and runs it (uwsgi --version) in the root with the final list, plus Debian's libpython3.X standing in for the official image's own libpython; each removal trial runs it again.",
];

export function reportPath(release: DebianRelease): string {
  return path.join(REPORT_DIR, `${release}.json`);
}

export function readReport(release: DebianRelease): VerificationReport | null {
  const p = reportPath(release);
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as VerificationReport) : null;
}

const sorted = (xs: string[]) => [...xs].sort();

function normalizeRuntime(r: RuntimeVerification): RuntimeVerification {
  return {
    name: r.name,
    status: r.status,
    debian: [...r.debian].sort((a, b) => (a.package < b.package ? -1 : 1)),
    final: sorted(r.final),
    modules: r.modules,
    sharedObjects: r.sharedObjects,
    missing: [...r.missing].sort((a, b) => (a.soname < b.soname ? -1 : 1)).map((m) => ({ ...m, neededBy: sorted(m.neededBy), providers: sorted(m.providers) })),
    needed: sorted(r.needed),
    redundant: sorted(r.redundant),
    unobservable: sorted(r.unobservable),
    inBase: sorted(r.inBase),
    debianOnly: [...r.debianOnly].sort((a, b) => (a.soname < b.soname ? -1 : 1)).map((d) => ({ ...d, providers: sorted(d.providers) })),
    details: sorted(r.details),
  };
}

/** The report as committed: entries by name, every list sorted, two-space JSON, trailing newline. */
export function serializeReport(report: VerificationReport): string {
  const out: VerificationReport = {
    release: report.release,
    date: report.date,
    debian: report.debian,
    method: METHOD,
    runtime: [...report.runtime].sort((a, b) => (a.name < b.name ? -1 : 1)).map(normalizeRuntime),
    build: [...report.build].sort((a: BuildVerification, b: BuildVerification) => (a.name < b.name ? -1 : 1)),
  };
  return JSON.stringify(out, null, 2) + "\n";
}

export function writeReport(report: VerificationReport): void {
  writeFileSync(reportPath(report.release), serializeReport(report));
}

const STATUSES: VerificationStatus[] = ["ok", "missing", "redundant", "not-runnable", "not-compiled"];

/** "bookworm: 42 entries: 20 ok, 1 missing (lxml), 3 redundant (...), ..." */
export function summarize(report: VerificationReport): string {
  const parts = STATUSES.map((s) => {
    const names = report.runtime.filter((r) => r.status === s).map((r) => r.name).sort();
    return names.length === 0 ? `0 ${s}` : s === "ok" || s === "not-compiled" ? `${names.length} ${s}` : `${names.length} ${s} (${names.join(", ")})`;
  });
  return `${report.release}: ${report.runtime.length} entries: ${parts.join(", ")}`;
}
