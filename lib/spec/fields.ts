/**
 * The spec's fields, each declared once: its value (grammar, limits, default), its label, its share-link parameter
 * and codec, its wizard draft slot and codec, its CLI flag (or why it has none), the wizard section that shows it, and
 * the cross-field rules it is checked by. Everything else is derived from this table: the zod schema and the spec's
 * types (lib/spec.ts), the share links (lib/share.ts), the wizard draft (lib/wizard/draft.ts), the issue labels
 * (components/wizard/field-labels.ts) and the CLI's flags and usage (cli/main.ts).
 *
 * Plain data and small functions, without zod: the page reads this at first load. Codecs are named here and
 * implemented where they run (the share codecs need the requirements parser, which is engine-side).
 *
 * Adding a field: one entry here (append-only for share links: a new `param`, and a `default` that reproduces the
 * old behaviour, see the rules in lib/share.ts), its control in the wizard, and its use in the renderer.
 */
import { PYTHON_VERSIONS, PYTHON_VERSION_IDS, VARIANTS, pythonInfo, variantsFor, type VariantId } from "../knowledge/python-images";
import { specifierContains } from "../versions";
import { DEPENDENCY_SOURCES, LIMITS, PLATFORMS, STRATEGIES, finalBaseProblem } from "../spec-options";
import { ABSOLUTE_PATH, ALPINE_PACKAGE, CONTEXT_PATH, DEBIAN_PACKAGE, ENV_NAME, HASH, HTTP_PATH, INDEX_URL, HOST, MARKER, NO_BINARY_ITEM, PEP508_NAME, SAFE_TEXT, USER_NAME, VERSION_SPECIFIER } from "./grammars";
import type { DraftCodecId } from "../wizard/draft-codecs";
import type { ShareCodecId } from "./share-codecs";
import { bool, choice, int, list, nullable, object, optional, text, variant, withDefault, type AnyValue, type InOf, type OutOf } from "./values";

// ---------------------------------------------------------------------------------------------
// Values shared by several fields
// ---------------------------------------------------------------------------------------------

const safeText = (max: number, least?: { min: number; minMessage: string }) =>
  text(SAFE_TEXT, "must not contain control characters or line breaks", { max, maxMessage: `at most ${max} characters`, ...least });

const URL_MESSAGE = "an http(s) URL without credentials or query (a user:password belongs in a build secret: RUN --mount=type=secret)";
/** An index or find-links URL. */
const PACKAGE_URL = text(INDEX_URL, URL_MESSAGE, { max: 300 });
/** pip's --no-binary / --only-binary list: package names, or :all:. */
const NAMES_OR_ALL = list(text(NO_BINARY_ITEM, "a package name, or :all:", { max: LIMITS.name }), LIMITS.packages, `at most ${LIMITS.packages} names`);

/** One requirement (a package of the `packages` list). */
export const REQUIREMENT = object({
  name: text(PEP508_NAME, "not a valid Python package name (PEP 508)", { max: LIMITS.name }),
  extras: withDefault(list(text(PEP508_NAME, "not a valid extra name", { max: LIMITS.name }), 20), []),
  specifier: optional(text(VERSION_SPECIFIER, "not a valid version specifier, e.g. ==2.1 or >=1.4,<2", { max: 200 })),
  marker: optional(text(MARKER, "not a valid environment marker", { max: 300 })),
  hashes: withDefault(list(text(HASH, "not a valid --hash value"), 50), []),
});

const ENV_VAR = object({
  name: text(ENV_NAME, "not a valid environment variable name"),
  value: safeText(LIMITS.envValue),
});

const systemPackages = withDefault(
  list(text(ALPINE_PACKAGE, "not a valid Debian/Alpine package name (lowercase letters, digits, + - . _)", { max: LIMITS.name }), LIMITS.systemPackages, `at most ${LIMITS.systemPackages} system packages`),
  [],
);
const STRATEGY_IDS = STRATEGIES.map((s) => s.id);
const DEPENDENCY_SOURCE_IDS = DEPENDENCY_SOURCES.map((s) => s.id);

// ---------------------------------------------------------------------------------------------
// Cross-field rules: a rule belongs to the field its issue is reported at, and names the fields it reads (the
// share decoder drops those when the issue comes from a value no parameter set). `check` gets the field's value,
// then the values of `reads` in order; an issue's `at` is a path below the field.
// ---------------------------------------------------------------------------------------------

export interface RuleIssue {
  at?: readonly (string | number)[];
  message: string;
}
export interface Rule {
  reads: readonly string[];
  check: (...values: never[]) => readonly RuleIssue[];
}
const problem = (message: string | null | false | undefined): RuleIssue[] => (message ? [{ message }] : []);

/** System package names follow the grammar of the base image's distribution. */
const familyGrammar: Rule = {
  reads: ["base"],
  check: (names: string[], base: VariantId) => {
    const alpine = VARIANTS[base]?.family === "alpine";
    const grammar = alpine ? ALPINE_PACKAGE : DEBIAN_PACKAGE;
    return names.flatMap((name, i) => (grammar.test(name) ? [] : [{ at: [i], message: `not a valid ${alpine ? "Alpine" : "Debian"} package name` }]));
  },
};

// ---------------------------------------------------------------------------------------------
// The declarations
// ---------------------------------------------------------------------------------------------

/** Which wizard section shows the field's control (components/wizard/sections.ts). */
export type FieldSection = "image" | "strategy" | "dependencies" | "system" | "runtime" | "advanced";

/**
 * How the CLI reads a flag's text: as is, as a comma-separated list, as comma-separated requirements; "off": a flag
 * without a value that sets a boolean field to false.
 */
export type CliRead = "text" | "list" | "requirements" | "off";

/** The CLI has no flag for this field: why (the field is still set with --spec or --url). */
const NO_FLAG = "set it in a spec file (--spec) or a share link (--url)";

export interface FieldDeclaration {
  /** Dotted path in the spec: a top-level key, or a group and a key ("runtime.port"). */
  path: string;
  /** How the page names it in messages. */
  label: string;
  /** Grammar and limits; lib/spec.ts compiles it into zod. */
  value: AnyValue;
  /** What an omitted input means; none: the input must give it. */
  default?: unknown;
  /** Share-link parameter name (frozen once published) and the codec of its readable and compact forms (share-codecs.ts). */
  share: { param: string; codec: ShareCodecId };
  /** The wizard draft's slot (and key inside it) and the codec between spec value and what the user types (lib/wizard/draft-codecs.ts). */
  draft: { slot: string; key?: string; codec: DraftCodecId };
  /** The CLI flag (name without "--", placeholder, help, how its text is read: cli/main.ts), or why there is none. */
  cli: { flag: string; arg: string; help: string; read: CliRead } | { none: string };
  section: FieldSection;
  rules?: readonly Rule[];
}

export const FIELDS = [
  {
    path: "python",
    label: "Python version",
    value: choice(PYTHON_VERSION_IDS, `unknown Python version; one of ${PYTHON_VERSION_IDS.join(", ")}`),
    share: { param: "python", codec: "text" },
    draft: { slot: "python", codec: "text" },
    cli: { flag: "python", arg: "X.Y", help: "Python version, e.g. 3.13", read: "text" },
    section: "image",
  },
  {
    path: "base",
    label: "Base image",
    value: variant(),
    share: { param: "base", codec: "text" },
    draft: { slot: "base", codec: "text" },
    cli: { flag: "base", arg: "VARIANT", help: "image variant as in the tag: slim-trixie, slim-bookworm, bookworm, alpine, alpine3.23, slim-bullseye, ...", read: "text" },
    section: "image",
    rules: [
      {
        reads: ["python"],
        check: (base: VariantId, python: string) => {
          const info = pythonInfo(python);
          const allowed = variantsFor(python);
          return problem(info && !allowed.includes(base) && `python:${info.tagPrefix} is not published as ${base}; choose one of ${allowed.join(", ")}`);
        },
      },
    ],
  },
  {
    path: "finalBase",
    label: "Final stage image",
    /** The final stage's variant when it differs from the builder's (e.g. full builder, slim final). */
    value: nullable(variant()),
    default: null,
    share: { param: "final", codec: "sameOrVariant" },
    draft: { slot: "finalBase", codec: "emptyIsNull" },
    cli: { flag: "final-base", arg: "VARIANT", help: "a different variant for the final stage (same release: e.g. bookworm → slim-bookworm)", read: "text" },
    section: "advanced",
    rules: [
      {
        reads: ["base", "python"],
        check: (finalBase: VariantId | null, base: VariantId, python: string) =>
          problem(finalBase !== null && pythonInfo(python) && finalBaseProblem(python, base, finalBase)),
      },
    ],
  },
  {
    path: "strategy",
    label: "Install strategy",
    value: choice(STRATEGY_IDS, `unknown install strategy; one of ${STRATEGY_IDS.join(", ")}`),
    share: { param: "strategy", codec: "text" },
    draft: { slot: "strategy", codec: "text" },
    cli: { flag: "strategy", arg: "NAME", help: STRATEGY_IDS.join(" | "), read: "text" },
    section: "strategy",
    rules: [
      {
        reads: ["python"],
        check: (strategy: string, python: string) =>
          problem(strategy === "uv" && Number(python.split(".")[1]) < 8 && "uv supports Python 3.8 and newer; use venv or prefix"),
      },
    ],
  },
  {
    path: "dependencySource",
    label: "Dependency files",
    value: choice(DEPENDENCY_SOURCE_IDS),
    default: "requirements",
    share: { param: "deps", codec: "text" },
    draft: { slot: "dependencySource", codec: "text" },
    cli: { none: NO_FLAG },
    section: "dependencies",
    rules: [
      {
        reads: ["strategy"],
        check: (source: string, strategy: string) =>
          problem(
            strategy !== "uv" &&
              (source === "uv-lock"
                ? "a uv.lock is installed with the uv strategy (uv sync)"
                : source === "pylock" && "a pylock.toml is installed with the uv strategy (uv pip install -r pylock.toml; pip reads it only experimentally, from 26.1)"),
          ),
      },
    ],
  },
  {
    path: "packages",
    label: "Packages",
    value: list(REQUIREMENT, LIMITS.packages, `at most ${LIMITS.packages} packages`),
    default: [],
    share: { param: "packages", codec: "requirements" },
    draft: { slot: "packages", codec: "requirements" },
    cli: { flag: "packages", arg: "LIST", help: `comma-separated requirements: "psycopg2,numpy==2.1"`, read: "requirements" },
    section: "dependencies",
  },
  {
    path: "buildFromSource",
    label: "Build from source",
    /** Compile every package from source even when a wheel exists (pip --no-binary :all:). */
    value: bool(),
    default: false,
    share: { param: "from-source", codec: "flag" },
    draft: { slot: "buildFromSource", codec: "bool" },
    cli: { none: NO_FLAG },
    section: "advanced",
  },
  {
    /** The project's requires-python (pyproject.toml, uv.lock, pylock.toml): the chosen Python must fit it. */
    path: "requiresPython",
    label: "Requires Python",
    value: nullable(text(VERSION_SPECIFIER, "not a version specifier, e.g. >=3.10,<3.13", { max: 200 })),
    default: null,
    share: { param: "requires-python", codec: "text" },
    draft: { slot: "requiresPython", codec: "emptyIsNull" },
    cli: { flag: "requires-python", arg: "SPEC", help: 'the project\'s requires-python, e.g. ">=3.10,<3.13" (read from pyproject.toml and lock files)', read: "text" },
    section: "dependencies",
    rules: [
      {
        reads: ["python"],
        check: (requires: string | null, python: string) => {
          const info = pythonInfo(python);
          if (requires === null || !info || specifierContains(info.fullVersion, requires) !== false) return [];
          const fit = PYTHON_VERSIONS.filter((p) => p.status !== "end-of-life" && specifierContains(p.fullVersion, requires) !== false).map((p) => p.version);
          return problem(`Python ${python} is excluded by the project's requires-python (${requires}); ${fit.length ? `versions that fit: ${fit.join(", ")}` : "no Python version offered here fits"}`);
        },
      },
    ],
  },
  {
    /** pip's --index-url: where packages come from instead of PyPI. */
    path: "indexUrl",
    label: "Index URL",
    value: nullable(PACKAGE_URL),
    default: null,
    share: { param: "index-url", codec: "text" },
    draft: { slot: "indexUrl", codec: "emptyIsNull" },
    cli: { flag: "index-url", arg: "URL", help: "a package index instead of PyPI (no credentials: use a build secret)", read: "text" },
    section: "dependencies",
  },
  {
    path: "extraIndexUrls",
    label: "Extra index URLs",
    value: list(PACKAGE_URL, LIMITS.indexes, `at most ${LIMITS.indexes} extra indexes`),
    default: [],
    share: { param: "extra-index-url", codec: "names" },
    draft: { slot: "extraIndexUrls", codec: "strings" },
    cli: { flag: "extra-index-url", arg: "URL,…", help: "package indexes searched besides the main one", read: "list" },
    section: "dependencies",
  },
  {
    path: "trustedHosts",
    label: "Trusted hosts",
    value: list(text(HOST, "a host name, optionally with :port", { max: 253 }), LIMITS.indexes, `at most ${LIMITS.indexes} hosts`),
    default: [],
    share: { param: "trusted-host", codec: "names" },
    draft: { slot: "trustedHosts", codec: "strings" },
    cli: { flag: "trusted-host", arg: "HOST,…", help: "hosts pip may reach without valid HTTPS (pip --trusted-host)", read: "list" },
    section: "dependencies",
  },
  {
    /** pip --pre: pre-releases may be installed. */
    path: "pre",
    label: "Allow pre-releases",
    value: bool(),
    default: false,
    share: { param: "pre", codec: "flag" },
    draft: { slot: "pre", codec: "bool" },
    cli: { none: NO_FLAG },
    section: "dependencies",
  },
  {
    /** The project's optional-dependency groups (extras) to install with it: pyproject, uv.lock and poetry.lock sources. */
    path: "projectExtras",
    label: "Optional dependency groups",
    value: list(text(PEP508_NAME, "not a valid extra name", { max: LIMITS.name }), 20, "at most 20 groups"),
    default: [],
    share: { param: "extras", codec: "names" },
    draft: { slot: "projectExtras", codec: "strings" },
    cli: { flag: "extras", arg: "NAME,…", help: "the project's optional-dependency groups to install (pyproject.toml, uv.lock, poetry.lock)", read: "list" },
    section: "dependencies",
  },
  {
    /** Requirements pip clones from Git (name @ git+…, -e git+…#egg=name): the builder needs git, the final image does not. */
    path: "gitPackages",
    label: "Installed from Git",
    value: list(text(PEP508_NAME, "not a valid Python package name (PEP 508)", { max: LIMITS.name }), LIMITS.packages, `at most ${LIMITS.packages} names`),
    default: [],
    share: { param: "git", codec: "names" },
    draft: { slot: "gitPackages", codec: "strings" },
    cli: { flag: "git-packages", arg: "NAME,…", help: "packages the requirements install from Git (the builder gets git); read from --requirements", read: "list" },
    section: "dependencies",
  },
  {
    /** Packages compiled from source even when a wheel exists (pip --no-binary NAME,… ; ":all:" for every one). */
    path: "noBinary",
    label: "Compile from source",
    value: NAMES_OR_ALL,
    default: [],
    share: { param: "no-binary", codec: "names" },
    draft: { slot: "noBinary", codec: "strings" },
    cli: { flag: "no-binary", arg: "NAME,…|:all:", help: "compile these packages from source even when a wheel exists (pip --no-binary)", read: "list" },
    section: "dependencies",
  },
  {
    /** Packages installed only from wheels, never built from source (pip --only-binary NAME,… ; ":all:" for every one). */
    path: "onlyBinary",
    label: "Wheels only",
    value: NAMES_OR_ALL,
    default: [],
    share: { param: "only-binary", codec: "names" },
    draft: { slot: "onlyBinary", codec: "strings" },
    cli: { flag: "only-binary", arg: "NAME,…|:all:", help: "install these packages only from wheels, never from source (pip --only-binary)", read: "list" },
    section: "dependencies",
  },
  {
    /** pip's --find-links: pages or directories of archives searched besides the indexes; http(s) only (a local path is not in the builder). */
    path: "findLinks",
    label: "Find links",
    value: list(PACKAGE_URL, LIMITS.indexes, `at most ${LIMITS.indexes} find-links URLs`),
    default: [],
    share: { param: "find-links", codec: "names" },
    draft: { slot: "findLinks", codec: "strings" },
    cli: { flag: "find-links", arg: "URL,…", help: "pages of package links searched besides the indexes (pip --find-links)", read: "list" },
    section: "dependencies",
  },
  {
    path: "systemPackages.build",
    label: "System packages",
    value: systemPackages,
    default: [],
    share: { param: "apt-build", codec: "names" },
    draft: { slot: "systemPackages", key: "build", codec: "strings" },
    cli: { flag: "apt-build", arg: "P,Q", help: "extra system packages for the build stage", read: "list" },
    section: "system",
    rules: [familyGrammar],
  },
  {
    path: "systemPackages.runtime",
    label: "System packages",
    value: systemPackages,
    default: [],
    share: { param: "apt-runtime", codec: "names" },
    draft: { slot: "systemPackages", key: "runtime", codec: "strings" },
    cli: { flag: "apt-runtime", arg: "P,Q", help: "extra system packages for the final image", read: "list" },
    section: "system",
    rules: [familyGrammar],
  },
  {
    /** Packages the knowledge would add that the user removed. */
    path: "systemPackages.omit",
    label: "System packages",
    value: systemPackages,
    default: [],
    share: { param: "apt-omit", codec: "names" },
    draft: { slot: "systemPackages", key: "omit", codec: "strings" },
    cli: { none: NO_FLAG },
    section: "system",
    rules: [familyGrammar],
  },
  {
    path: "runtime.copy",
    label: "Files to copy",
    value: list(text(CONTEXT_PATH, "not a safe relative path (letters, digits, . _ - / @ +; no ..)", { max: LIMITS.path }), LIMITS.copyPaths, `at most ${LIMITS.copyPaths} paths`),
    default: ["."],
    share: { param: "copy", codec: "names" },
    draft: { slot: "copy", codec: "words" },
    cli: { none: NO_FLAG },
    section: "advanced",
  },
  {
    path: "runtime.workdir",
    label: "Working directory",
    value: text(ABSOLUTE_PATH, "must be an absolute path like /app", { max: LIMITS.path }),
    default: "/app",
    share: { param: "workdir", codec: "text" },
    draft: { slot: "workdir", codec: "text" },
    cli: { none: NO_FLAG },
    section: "advanced",
  },
  {
    path: "runtime.command",
    label: "Command",
    value: list(safeText(LIMITS.commandArg, { min: 1, minMessage: "empty argument" }), LIMITS.commandArgs, `at most ${LIMITS.commandArgs} arguments`, {
      min: 1,
      message: "a command is needed",
    }),
    default: ["python", "-m", "app"],
    share: { param: "cmd", codec: "argv" },
    draft: { slot: "command", codec: "command" },
    cli: { none: NO_FLAG },
    section: "runtime",
  },
  {
    path: "runtime.port",
    label: "Port",
    value: nullable(int(1, 65535)),
    default: 8000,
    share: { param: "port", codec: "port" },
    draft: { slot: "port", codec: "port" },
    cli: { none: NO_FLAG },
    section: "runtime",
  },
  {
    path: "runtime.user",
    label: "User",
    value: object({
      enabled: withDefault(bool(), true),
      name: withDefault(text(USER_NAME, "not a valid user name (lowercase, digits, _ -)"), "app"),
      uid: withDefault(int(1000, 65534), 10001),
    }),
    default: { enabled: true, name: "app", uid: 10001 },
    share: { param: "user", codec: "user" },
    draft: { slot: "user", codec: "user" },
    cli: { none: NO_FLAG },
    section: "runtime",
  },
  {
    path: "runtime.healthcheck",
    label: "Health check",
    value: object({
      enabled: withDefault(bool(), false),
      path: withDefault(text(HTTP_PATH, "must be a URL path like /health"), "/health"),
    }),
    default: { enabled: false, path: "/health" },
    share: { param: "health", codec: "health" },
    draft: { slot: "healthcheck", codec: "healthcheck" },
    cli: { none: NO_FLAG },
    section: "runtime",
    rules: [
      {
        reads: ["runtime.port"],
        check: (h: { enabled: boolean }, port: number | null) => (h.enabled && port === null ? [{ at: ["enabled"], message: "a health check needs a port to call" }] : []),
      },
    ],
  },
  {
    path: "runtime.env",
    label: "Environment variables",
    value: list(ENV_VAR, LIMITS.env, `at most ${LIMITS.env} variables`),
    default: [],
    share: { param: "env", codec: "env" },
    draft: { slot: "env", codec: "env" },
    cli: { none: NO_FLAG },
    section: "runtime",
    rules: [
      {
        reads: [],
        check: (env: { name: string }[]) => {
          const seen = new Set<string>();
          return env.flatMap((e, i) => {
            const twice = seen.has(e.name);
            seen.add(e.name);
            return twice ? [{ at: [i, "name"], message: `${e.name} is set twice` }] : [];
          });
        },
      },
    ],
  },
  {
    path: "runtime.pythonDontWriteBytecode",
    label: "PYTHONDONTWRITEBYTECODE",
    value: bool(),
    default: true,
    share: { param: "dont-write-bytecode", codec: "flag" },
    draft: { slot: "pythonDontWriteBytecode", codec: "bool" },
    cli: { none: NO_FLAG },
    section: "advanced",
  },
  {
    path: "runtime.pythonUnbuffered",
    label: "PYTHONUNBUFFERED",
    value: bool(),
    default: true,
    share: { param: "unbuffered", codec: "flag" },
    draft: { slot: "pythonUnbuffered", codec: "bool" },
    cli: { none: NO_FLAG },
    section: "advanced",
  },
  {
    path: "cacheMounts",
    label: "Cache mounts",
    value: bool(),
    default: true,
    share: { param: "cache-mounts", codec: "flag" },
    draft: { slot: "cacheMounts", codec: "bool" },
    cli: { none: NO_FLAG },
    section: "advanced",
  },
  {
    path: "selfCheck",
    label: "Self-check",
    /**
     * The final stage's self-check step (lib/plan/self-check.ts): the build fails when an installed extension has an
     * unresolved shared library or a known native package does not import. Absent means on, for links made before
     * the field existed too (rule 3 in lib/share.ts asks for the value that keeps their meaning): the step adds no
     * file and changes nothing the image does, it only refuses to finish an image that would fail at its first
     * import, so an old link still describes the same image. It is also the product's default, so the default spec
     * stays the empty link and the frozen links that name presets still open those presets.
     */
    value: bool(),
    default: true,
    share: { param: "self-check", codec: "flag" },
    draft: { slot: "selfCheck", codec: "bool" },
    cli: { flag: "no-self-check", arg: "", help: "leave out the final stage's self-check (ldd and import of the native packages)", read: "off" },
    section: "advanced",
  },
  {
    path: "platform",
    label: "Target platform",
    value: choice(PLATFORMS),
    default: "linux/amd64",
    share: { param: "platform", codec: "text" },
    draft: { slot: "platform", codec: "text" },
    cli: { flag: "platform", arg: "PLATFORM", help: "linux/amd64 (default) or linux/arm64", read: "text" },
    section: "advanced",
  },
] as const satisfies readonly FieldDeclaration[];

/** Labels of the groups, for an issue about a group as a whole. */
export const GROUP_LABELS: Readonly<Record<string, string>> = { systemPackages: "System packages", runtime: "Runtime" };

export type Field = (typeof FIELDS)[number];
export type FieldPath = Field["path"];

// ---------------------------------------------------------------------------------------------
// The spec's types, derived from the declarations
// ---------------------------------------------------------------------------------------------

type Flat<T> = { [K in keyof T]: T[K] } & {};
type TopPath = Exclude<FieldPath, `${string}.${string}`>;
type Group = FieldPath extends infer P ? (P extends `${infer G}.${string}` ? G : never) : never;
type KeyIn<G extends string> = Extract<FieldPath, `${G}.${string}`> extends `${G}.${infer K}` ? K : never;
type FieldAt<P> = Extract<Field, { path: P }>;
type Defaulted = Extract<Field, { default: unknown }>["path"];

type OutAt<P> = OutOf<FieldAt<P>["value"]>;
type InAt<P> = InOf<FieldAt<P>["value"]>;

/** A valid spec (what the schema outputs). */
export type SpecOf = Flat<{ [P in TopPath]: OutAt<P> } & { [G in Group]: Flat<{ [K in KeyIn<G>]: OutAt<`${G}.${K}`> }> }>;
/** What the schema accepts: defaulted fields (and whole groups) may be left out. */
export type SpecInputOf = Flat<
  { [P in Exclude<TopPath, Defaulted>]: InAt<P> } & { [P in Extract<TopPath, Defaulted>]?: InAt<P> | undefined } & {
    [G in Group]?: Flat<{ [K in KeyIn<G>]?: InAt<`${G}.${K}`> | undefined }> | undefined;
  }
>;

// ---------------------------------------------------------------------------------------------
// Reading and writing a field of a spec-shaped object by its path
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

/** The value at `path` ("runtime.port"), or undefined when a group on the way is missing. */
export function getAt(o: unknown, path: string): unknown {
  let v: unknown = o;
  for (const key of path.split(".")) v = typeof v === "object" && v !== null && Object.hasOwn(v, key) ? (v as Json)[key] : undefined;
  return v;
}

/** A copy of `o` with `value` at `path` (groups on the way copied, or created when missing). */
export function setAt<T>(o: T, path: string, value: unknown): T {
  const dot = path.indexOf(".");
  if (dot < 0) return { ...o, [path]: value };
  const group = path.slice(0, dot);
  const inner = (o as Json)[group];
  return { ...o, [group]: setAt(typeof inner === "object" && inner !== null ? inner : {}, path.slice(dot + 1), value) };
}

/** The field an issue's path ("runtime.env.0.name") is about, if any. */
export function fieldOf(issuePath: string): Field | undefined {
  return FIELDS.find((f) => issuePath === f.path || issuePath.startsWith(`${f.path}.`));
}
