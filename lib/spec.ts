/**
 * The build spec: what a user chose. The one source of truth for every field, its limits and
 * its defaults. Every face (page, CLI, HTTP route, share link) decodes into this and nothing else.
 *
 * Rules of this file:
 * - Every string a user supplies is checked against a strict grammar here, so nothing that
 *   reaches the renderer can carry a newline, a shell metacharacter it should not, or a quote
 *   that breaks out of its instruction. The renderer quotes again anyway (defence in depth).
 * - Enums only grow (append-only), so old share links keep decoding.
 * - Browser-safe: no Node APIs.
 */
import { z } from "zod";
import {
  PYTHON_VERSION_IDS,
  REFUSED_VARIANTS,
  VARIANTS,
  VARIANT_IDS,
  pythonInfo,
  variantsFor,
  type VariantId,
} from "./knowledge/python-images";

// The page's Content-Security-Policy forbids eval (lib/http/security-headers.ts), so zod's JIT can never run in the
// browser; jitless also skips zod's `Function("")` probe, which the browser reports as a CSP violation even though
// zod catches the error. Node (server, CLI, tests) keeps the JIT.
if (typeof window !== "undefined") z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------
// Grammars
// ---------------------------------------------------------------------------------------------

/** PEP 508 distribution name. */
export const PEP508_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
/** One version clause; a specifier is clauses joined by commas. */
const VERSION_CLAUSE = String.raw`\s*(~=|===|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+\s*`;
export const VERSION_SPECIFIER = new RegExp(`^${VERSION_CLAUSE}(,${VERSION_CLAUSE})*$`);
/**
 * PEP 508 environment markers: variable/string comparisons joined by and/or. Strings are limited
 * to version-like text, so a marker can never carry shell or quote characters.
 */
const MARKER_VAR = "(python_version|python_full_version|os_name|sys_platform|platform_release|platform_system|platform_version|platform_machine|platform_python_implementation|implementation_name|implementation_version|extra)";
const MARKER_STR = `('[A-Za-z0-9 ._*+!-]*'|"[A-Za-z0-9 ._*+!-]*")`;
// No whitespace run can be matched two ways (an atom neither starts nor ends with optional
// whitespace; parentheses carry their own), so a non-matching marker fails in linear time instead
// of backtracking exponentially in the number of atoms.
const MARKER_ATOM = `(\\(\\s*)*(${MARKER_VAR}|${MARKER_STR})\\s*(===|==|!=|<=|>=|<|>|~=|not\\s+in|in)\\s*(${MARKER_VAR}|${MARKER_STR})(\\s*\\))*`;
export const MARKER = new RegExp(`^\\s*${MARKER_ATOM}(\\s+(and|or)\\s+${MARKER_ATOM})*\\s*$`);
export const HASH = /^sha(256|384|512):[0-9a-f]{64,128}$/;
/** Debian policy 5.6.7: lowercase letters, digits, + - . ; at least two characters, starts alphanumeric. */
export const DEBIAN_PACKAGE = /^[a-z0-9][a-z0-9+.-]+$/;
/** Alpine package names (apk): also allow underscore. */
export const ALPINE_PACKAGE = /^[a-z0-9][a-z0-9+._-]*$/;
/** A relative path inside the build context: no "..", no leading "-", no spaces or shell characters. */
export const CONTEXT_PATH = /^(?!-)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._@+/-]+$/;
/** An absolute container path. */
export const ABSOLUTE_PATH = /^\/(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._@+/-]*$/;
export const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}$/;
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** URL path for the health check: only unreserved characters and slashes. */
export const HTTP_PATH = /^\/[A-Za-z0-9._~/-]{0,200}$/;
/**
 * Free text that ends up inside a quoted string (ENV values, command arguments): any printable
 * character, but no control characters, no DEL/C1, and no Unicode line or paragraph separators.
 */
// eslint-disable-next-line no-control-regex
export const SAFE_TEXT = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;

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
const STRATEGY_IDS = STRATEGIES.map((s) => s.id) as [StrategyId, ...StrategyId[]];

export const DEPENDENCY_SOURCES = [
  { id: "requirements", label: "requirements.txt", files: ["requirements.txt"] },
  { id: "uv-lock", label: "pyproject.toml + uv.lock", files: ["pyproject.toml", "uv.lock"] },
  { id: "poetry-lock", label: "pyproject.toml + poetry.lock", files: ["pyproject.toml", "poetry.lock"] },
] as const;
export type DependencySourceId = (typeof DEPENDENCY_SOURCES)[number]["id"];
const DEPENDENCY_SOURCE_IDS = DEPENDENCY_SOURCES.map((s) => s.id) as [DependencySourceId, ...DependencySourceId[]];

export const PLATFORMS = ["linux/amd64", "linux/arm64"] as const;
export type Platform = (typeof PLATFORMS)[number];

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

const safeText = (max: number) =>
  z.string().max(max, `at most ${max} characters`).regex(SAFE_TEXT, "must not contain control characters or line breaks");

export const RequirementSchema = z.object({
  name: z.string().max(LIMITS.name).regex(PEP508_NAME, "not a valid Python package name (PEP 508)"),
  extras: z.array(z.string().max(LIMITS.name).regex(PEP508_NAME, "not a valid extra name")).max(20).default([]),
  specifier: z.string().max(200).regex(VERSION_SPECIFIER, "not a valid version specifier, e.g. ==2.1 or >=1.4,<2").optional(),
  marker: z.string().max(300).regex(MARKER, "not a valid environment marker").optional(),
  hashes: z.array(z.string().regex(HASH, "not a valid --hash value")).max(50).default([]),
});
export type Requirement = z.infer<typeof RequirementSchema>;

const systemPackageName = z
  .string()
  .max(LIMITS.name)
  .regex(ALPINE_PACKAGE, "not a valid Debian/Alpine package name (lowercase letters, digits, + - . _)");

const EnvVarSchema = z.object({
  name: z.string().regex(ENV_NAME, "not a valid environment variable name"),
  value: safeText(LIMITS.envValue),
});

const variantSchema = z.string().superRefine((v, ctx) => {
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  if (Object.hasOwn(REFUSED_VARIANTS, v)) ctx.addIssue({ code: "custom", message: REFUSED_VARIANTS[v] });
  else if (!(VARIANT_IDS as readonly string[]).includes(v))
    ctx.addIssue({ code: "custom", message: `unknown image variant; one of ${VARIANT_IDS.join(", ")}` });
}) as unknown as z.ZodType<VariantId, string>;

export const BuildSpecSchema = z
  .object({
    python: z.enum(PYTHON_VERSION_IDS, { message: `unknown Python version; one of ${PYTHON_VERSION_IDS.join(", ")}` }),
    base: variantSchema,
    /** The final stage's variant when it differs from the builder's (e.g. full builder, slim final). */
    finalBase: variantSchema.nullable().default(null),
    strategy: z.enum(STRATEGY_IDS, { message: `unknown install strategy; one of ${STRATEGY_IDS.join(", ")}` }),
    dependencySource: z.enum(DEPENDENCY_SOURCE_IDS).default("requirements"),
    packages: z.array(RequirementSchema).max(LIMITS.packages, `at most ${LIMITS.packages} packages`).default([]),
    /** Compile every package from source even when a wheel exists (pip --no-binary :all:). */
    buildFromSource: z.boolean().default(false),
    systemPackages: z
      .object({
        build: z.array(systemPackageName).max(LIMITS.systemPackages, `at most ${LIMITS.systemPackages} system packages`).default([]),
        runtime: z.array(systemPackageName).max(LIMITS.systemPackages, `at most ${LIMITS.systemPackages} system packages`).default([]),
        /** Packages the knowledge would add that the user removed. */
        omit: z.array(systemPackageName).max(LIMITS.systemPackages, `at most ${LIMITS.systemPackages} system packages`).default([]),
      })
      .default({ build: [], runtime: [], omit: [] }),
    runtime: z
      .object({
        copy: z
          .array(z.string().max(LIMITS.path).regex(CONTEXT_PATH, "not a safe relative path (letters, digits, . _ - / @ +; no ..)"))
          .max(LIMITS.copyPaths, `at most ${LIMITS.copyPaths} paths`)
          .default(["."]),
        workdir: z.string().max(LIMITS.path).regex(ABSOLUTE_PATH, "must be an absolute path like /app").default("/app"),
        command: z
          .array(safeText(LIMITS.commandArg).min(1, "empty argument"))
          .min(1, "a command is needed")
          .max(LIMITS.commandArgs, `at most ${LIMITS.commandArgs} arguments`)
          .default(["python", "-m", "app"]),
        port: z.number().int().min(1).max(65535).nullable().default(8000),
        user: z
          .object({
            enabled: z.boolean().default(true),
            name: z.string().regex(USER_NAME, "not a valid user name (lowercase, digits, _ -)").default("app"),
            uid: z.number().int().min(1000).max(65534).default(10001),
          })
          .default({ enabled: true, name: "app", uid: 10001 }),
        healthcheck: z
          .object({
            enabled: z.boolean().default(false),
            path: z.string().regex(HTTP_PATH, "must be a URL path like /health").default("/health"),
          })
          .default({ enabled: false, path: "/health" }),
        env: z.array(EnvVarSchema).max(LIMITS.env, `at most ${LIMITS.env} variables`).default([]),
        pythonDontWriteBytecode: z.boolean().default(true),
        pythonUnbuffered: z.boolean().default(true),
      })
      .default({
        copy: ["."],
        workdir: "/app",
        command: ["python", "-m", "app"],
        port: 8000,
        user: { enabled: true, name: "app", uid: 10001 },
        healthcheck: { enabled: false, path: "/health" },
        env: [],
        pythonDontWriteBytecode: true,
        pythonUnbuffered: true,
      }),
    cacheMounts: z.boolean().default(true),
    platform: z.enum(PLATFORMS).default("linux/amd64"),
  })
  .superRefine((spec, ctx) => {
    const info = pythonInfo(spec.python);
    const allowed = variantsFor(spec.python);
    if (info && !allowed.includes(spec.base)) {
      ctx.addIssue({
        code: "custom",
        path: ["base"],
        message: `python:${info.tagPrefix} is not published as ${spec.base}; choose one of ${allowed.join(", ")}`,
      });
    }
    if (spec.finalBase !== null && info) {
      const reason = finalBaseProblem(spec.python, spec.base, spec.finalBase);
      if (reason) ctx.addIssue({ code: "custom", path: ["finalBase"], message: reason });
    }
    const family = VARIANTS[spec.base]?.family;
    const grammar = family === "alpine" ? ALPINE_PACKAGE : DEBIAN_PACKAGE;
    for (const key of ["build", "runtime", "omit"] as const) {
      spec.systemPackages[key].forEach((name, i) => {
        if (!grammar.test(name))
          ctx.addIssue({ code: "custom", path: ["systemPackages", key, i], message: `not a valid ${family === "alpine" ? "Alpine" : "Debian"} package name` });
      });
    }
    const envNames = new Set<string>();
    spec.runtime.env.forEach((e, i) => {
      if (envNames.has(e.name)) ctx.addIssue({ code: "custom", path: ["runtime", "env", i, "name"], message: `${e.name} is set twice` });
      envNames.add(e.name);
    });
    if (spec.runtime.healthcheck.enabled && spec.runtime.port === null)
      ctx.addIssue({ code: "custom", path: ["runtime", "healthcheck", "enabled"], message: "a health check needs a port to call" });
    if (spec.dependencySource === "uv-lock" && spec.strategy !== "uv")
      ctx.addIssue({ code: "custom", path: ["dependencySource"], message: "a uv.lock is installed with the uv strategy (uv sync)" });
    if (spec.strategy === "uv" && Number(spec.python.split(".")[1]) < 8)
      ctx.addIssue({ code: "custom", path: ["strategy"], message: "uv supports Python 3.8 and newer; use venv or prefix" });
  });

export type BuildSpec = z.output<typeof BuildSpecSchema>;
export type BuildSpecInput = z.input<typeof BuildSpecSchema>;

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

export const DEFAULT_SPEC: BuildSpec = BuildSpecSchema.parse({
  python: "3.14",
  base: "slim-trixie",
  strategy: "uv",
  packages: [{ name: "flask" }, { name: "gunicorn" }, { name: "psycopg2" }],
  runtime: {
    command: ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"],
    port: 8000,
  },
});

// ---------------------------------------------------------------------------------------------
// Decoding: never throws; keeps the field paths of every problem.
// ---------------------------------------------------------------------------------------------

export interface SpecIssue {
  /** Dotted path of the field, e.g. "runtime.env.0.value". */
  field: string;
  message: string;
}

export type DecodeResult = { ok: true; spec: BuildSpec } | { ok: false; issues: SpecIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".") || "spec";
}

export function parseSpec(input: unknown): DecodeResult {
  const r = BuildSpecSchema.safeParse(input);
  if (r.success) return { ok: true, spec: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ field: formatPath(i.path), message: i.message })) };
}

/** Helpers for common commands (exec form argv). */
export const COMMAND_HELPERS = {
  gunicorn: (app: string, port: number) => ["gunicorn", "--bind", `0.0.0.0:${port}`, app],
  uvicorn: (app: string, port: number) => ["uvicorn", app, "--host", "0.0.0.0", "--port", String(port)],
  pythonModule: (module: string) => ["python", "-m", module],
  pythonScript: (script: string) => ["python", script],
} as const;
