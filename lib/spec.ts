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
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { PYTHON_VERSION_IDS, REFUSED_VARIANTS, VARIANTS, VARIANT_IDS, pythonInfo, variantsFor, type VariantId } from "./knowledge/python-images";
import { DEPENDENCY_SOURCES, LIMITS, PLATFORMS, STRATEGIES, finalBaseProblem, type DependencySourceId, type StrategyId } from "./spec-options";

// zod/mini: the same validation core as zod's classic API (same checks, same messages with the English locale set
// below), written as functions, so the page's engine chunk carries far less of it and builds the schema faster.
z.config(en());
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

// ---------------------------------------------------------------------------------------------
// Limits, option tables and the final-image rule live in spec-options.ts (no zod: the page's first load
// imports them); the schema below is built from them.
// ---------------------------------------------------------------------------------------------

export { COMMAND_HELPERS, DEPENDENCY_SOURCES, LIMITS, PLATFORMS, STRATEGIES, finalBaseProblem } from "./spec-options";
export type { DependencySourceId, Platform, StrategyId } from "./spec-options";
const STRATEGY_IDS = STRATEGIES.map((s) => s.id) as [StrategyId, ...StrategyId[]];
const DEPENDENCY_SOURCE_IDS = DEPENDENCY_SOURCES.map((s) => s.id) as [DependencySourceId, ...DependencySourceId[]];

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

const safeText = (max: number) =>
  z.string().check(z.maxLength(max, `at most ${max} characters`), z.regex(SAFE_TEXT, "must not contain control characters or line breaks"));
/** A string of at most `max` characters matching `pattern` (the length is checked first). */
const text = (pattern: RegExp, message: string, max?: number) =>
  max === undefined ? z.string().check(z.regex(pattern, message)) : z.string().check(z.maxLength(max), z.regex(pattern, message));
const list = <T extends z.core.SomeType>(element: T, max: number, message?: string) => z.array(element).check(z.maxLength(max, message));
const integer = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const RequirementSchema = z.object({
  name: text(PEP508_NAME, "not a valid Python package name (PEP 508)", LIMITS.name),
  extras: z._default(list(text(PEP508_NAME, "not a valid extra name", LIMITS.name), 20), []),
  specifier: z.optional(text(VERSION_SPECIFIER, "not a valid version specifier, e.g. ==2.1 or >=1.4,<2", 200)),
  marker: z.optional(text(MARKER, "not a valid environment marker", 300)),
  hashes: z._default(list(text(HASH, "not a valid --hash value"), 50), []),
});
export type Requirement = z.infer<typeof RequirementSchema>;

const systemPackageName = text(ALPINE_PACKAGE, "not a valid Debian/Alpine package name (lowercase letters, digits, + - . _)", LIMITS.name);
const systemPackageList = z._default(list(systemPackageName, LIMITS.systemPackages, `at most ${LIMITS.systemPackages} system packages`), []);

const EnvVarSchema = z.object({
  name: text(ENV_NAME, "not a valid environment variable name"),
  value: safeText(LIMITS.envValue),
});

const variantSchema = z.string().check(
  z.superRefine((v, ctx) => {
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
    if (Object.hasOwn(REFUSED_VARIANTS, v)) ctx.addIssue({ code: "custom", message: REFUSED_VARIANTS[v] });
    else if (!(VARIANT_IDS as readonly string[]).includes(v))
      ctx.addIssue({ code: "custom", message: `unknown image variant; one of ${VARIANT_IDS.join(", ")}` });
  }),
) as unknown as z.ZodMiniType<VariantId, string>;

export const BuildSpecSchema = z
  .object({
    python: z.enum(PYTHON_VERSION_IDS, { message: `unknown Python version; one of ${PYTHON_VERSION_IDS.join(", ")}` }),
    base: variantSchema,
    /** The final stage's variant when it differs from the builder's (e.g. full builder, slim final). */
    finalBase: z._default(z.nullable(variantSchema), null),
    strategy: z.enum(STRATEGY_IDS, { message: `unknown install strategy; one of ${STRATEGY_IDS.join(", ")}` }),
    dependencySource: z._default(z.enum(DEPENDENCY_SOURCE_IDS), "requirements"),
    packages: z._default(list(RequirementSchema, LIMITS.packages, `at most ${LIMITS.packages} packages`), []),
    /** Compile every package from source even when a wheel exists (pip --no-binary :all:). */
    buildFromSource: z._default(z.boolean(), false),
    systemPackages: z._default(
      z.object({
        build: systemPackageList,
        runtime: systemPackageList,
        /** Packages the knowledge would add that the user removed. */
        omit: systemPackageList,
      }),
      { build: [], runtime: [], omit: [] },
    ),
    runtime: z._default(
      z.object({
        copy: z._default(list(text(CONTEXT_PATH, "not a safe relative path (letters, digits, . _ - / @ +; no ..)", LIMITS.path), LIMITS.copyPaths, `at most ${LIMITS.copyPaths} paths`), ["."]),
        workdir: z._default(text(ABSOLUTE_PATH, "must be an absolute path like /app", LIMITS.path), "/app"),
        command: z._default(
          z
            .array(safeText(LIMITS.commandArg).check(z.minLength(1, "empty argument")))
            .check(z.minLength(1, "a command is needed"), z.maxLength(LIMITS.commandArgs, `at most ${LIMITS.commandArgs} arguments`)),
          ["python", "-m", "app"],
        ),
        port: z._default(z.nullable(integer(1, 65535)), 8000),
        user: z._default(
          z.object({
            enabled: z._default(z.boolean(), true),
            name: z._default(text(USER_NAME, "not a valid user name (lowercase, digits, _ -)"), "app"),
            uid: z._default(integer(1000, 65534), 10001),
          }),
          { enabled: true, name: "app", uid: 10001 },
        ),
        healthcheck: z._default(
          z.object({
            enabled: z._default(z.boolean(), false),
            path: z._default(text(HTTP_PATH, "must be a URL path like /health"), "/health"),
          }),
          { enabled: false, path: "/health" },
        ),
        env: z._default(list(EnvVarSchema, LIMITS.env, `at most ${LIMITS.env} variables`), []),
        pythonDontWriteBytecode: z._default(z.boolean(), true),
        pythonUnbuffered: z._default(z.boolean(), true),
      }),
      {
        copy: ["."],
        workdir: "/app",
        command: ["python", "-m", "app"],
        port: 8000,
        user: { enabled: true, name: "app", uid: 10001 },
        healthcheck: { enabled: false, path: "/health" },
        env: [],
        pythonDontWriteBytecode: true,
        pythonUnbuffered: true,
      },
    ),
    cacheMounts: z._default(z.boolean(), true),
    platform: z._default(z.enum(PLATFORMS), "linux/amd64"),
  })
  .check(
    z.superRefine((spec, ctx) => {
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
    }),
  );

export type BuildSpec = z.output<typeof BuildSpecSchema>;
export type BuildSpecInput = z.input<typeof BuildSpecSchema>;

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
