/**
 * The spec's option tables, limits and image rules: plain data and functions, without zod. The page imports
 * them at first load (the fields' choices, the command helpers, which final images are offered); lib/spec.ts
 * builds its schema from the same tables and re-exports everything here, so there is still one definition.
 * Browser-safe: no Node APIs, no zod.
 */
import { VARIANTS, variantsFor, type VariantId } from "./knowledge/python-images";

export const LIMITS = {
  packages: 300,
  systemPackages: 100,
  copyPaths: 20,
  commandArgs: 32,
  commandArg: 200,
  env: 50,
  envValue: 1000,
  name: 100,
  path: 200,
  /** Extra index URLs, find-links URLs, trusted hosts: each list. */
  indexes: 5,
  /** Pasted requirements.txt / pyproject.toml text. */
  pastedText: 200_000,
} as const;

// ---------------------------------------------------------------------------------------------
// Option tables: they feed both the zod enums and the UI.
// ---------------------------------------------------------------------------------------------

export const STRATEGIES = [
  { id: "uv", label: "uv virtualenv", seed: null, summary: "uv installs into /opt/venv with a cache mount and compiles bytecode; the venv is copied. Fast, modern default." },
  { id: "venv", label: "pip virtualenv", seed: "003", summary: "pip installs into /opt/venv in the builder; the whole venv is copied (seed 003)." },
  { id: "wheelhouse", label: "wheelhouse", seed: "000/001", summary: "The builder compiles every dependency to a wheel; the final stage installs only those wheels (seeds 000/001)." },
  { id: "prefix", label: "pip --prefix", seed: "004", summary: "pip install --prefix=/install in the builder, copied into /usr/local (seed 004)." },
  { id: "site-packages", label: "copy site-packages", seed: "002", summary: "Copies site-packages and the console scripts from /usr/local/bin (seed 002 copied only site-packages and lost gunicorn)." },
] as const;
export type StrategyId = (typeof STRATEGIES)[number]["id"];

export const DEPENDENCY_SOURCES = [
  { id: "requirements", label: "requirements.txt", files: ["requirements.txt"] },
  { id: "uv-lock", label: "pyproject.toml + uv.lock", files: ["pyproject.toml", "uv.lock"] },
  { id: "poetry-lock", label: "pyproject.toml + poetry.lock", files: ["pyproject.toml", "poetry.lock"] },
  { id: "pyproject", label: "pyproject.toml (the project installed: pip install .)", files: ["pyproject.toml"] },
  { id: "pylock", label: "pylock.toml (PEP 751, installed with uv)", files: ["pylock.toml"] },
  { id: "pipfile-lock", label: "Pipfile + Pipfile.lock (exported by pipenv)", files: ["Pipfile", "Pipfile.lock"] },
] as const;
export type DependencySourceId = (typeof DEPENDENCY_SOURCES)[number]["id"];

/** The files a dependency source reads from the build context. */
export function dependencyFiles(id: DependencySourceId): readonly string[] {
  return DEPENDENCY_SOURCES.find((s) => s.id === id)?.files ?? [];
}

/**
 * The project's own file drives the build: what a pasted or given file of each format sets. A lock is installed as
 * locked (uv.lock and pylock.toml by uv, so the strategy becomes uv), a pyproject.toml project with pip install.
 */
export function sourceForFormat(format: string): { dependencySource: DependencySourceId; strategy?: StrategyId } | undefined {
  switch (format) {
    case "uv-lock":
    case "pylock":
      return { dependencySource: format, strategy: "uv" };
    case "poetry-lock":
    case "pyproject":
    case "pipfile-lock":
      return { dependencySource: format };
    default:
      return undefined;
  }
}

export const PLATFORMS = ["linux/amd64", "linux/arm64"] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * Why the final stage may not use `finalBase` when the builder uses `base`, or null when it may.
 * A copied virtualenv or prefix needs the same Python at the same path (same tag), and compiled
 * extensions need the libraries of the same distribution release: only full ↔ slim of one
 * Debian release differ safely. musl (Alpine) and glibc (Debian) never mix.
 */
export function finalBaseProblem(python: string, base: VariantId, finalBase: VariantId): string | null {
  const b = VARIANTS[base];
  const f = VARIANTS[finalBase];
  if (!b || !f) return "unknown image variant";
  if (!variantsFor(python).includes(finalBase)) return `python:${python} is not published as ${finalBase}`;
  if (b.family !== f.family)
    return `${b.family === "alpine" ? "Alpine (musl)" : "Debian (glibc)"} builder and ${f.family === "alpine" ? "Alpine (musl)" : "Debian (glibc)"} final stage cannot share compiled packages: musl and glibc never mix`;
  if (b.family === "alpine") {
    if (base !== finalBase) return "Alpine has no slim/full split: build and run on the same Alpine release";
    return null;
  }
  if (b.release !== f.release)
    return `packages compiled on Debian ${b.release} link against its libraries; the final stage must use ${b.release} too (full or slim)`;
  return null;
}

/** Helpers for common commands (exec form argv). */
export const COMMAND_HELPERS = {
  gunicorn: (app: string, port: number) => ["gunicorn", "--bind", `0.0.0.0:${port}`, app],
  uvicorn: (app: string, port: number) => ["uvicorn", app, "--host", "0.0.0.0", "--port", String(port)],
  pythonModule: (module: string) => ["python", "-m", module],
  pythonScript: (script: string) => ["python", script],
} as const;
