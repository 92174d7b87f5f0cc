/**
 * Share links: a BuildSpec ⇄ the query string of the page URL (and of /api/dockerfile).
 *
 * Two forms, both decoded by searchParamsToSpec:
 * - Readable: `?python=3.12&base=slim-bookworm&packages=psycopg2,numpy==2.1&strategy=venv`. Only the
 *   fields that differ from LINK_BASELINE are written, one parameter per field (table PARAMS below),
 *   so short links stay hand-editable. `?preset=ID` starts from a preset instead of the baseline.
 * - Compact: `?s=1.<base64url of UTF-8 JSON>`, the same parameters as JSON values, used when the
 *   readable form is longer than READABLE_MAX or cannot carry a value exactly (a command argument
 *   with a space, a specifier with inner spaces, text that is not valid Unicode...).
 *   Readable parameters after `s=` override it; the encoder never mixes the two.
 *
 * Compatibility rules (a link made today must open the same spec in every later version):
 * 1. Version: the compact form starts with its format version (`s=1.`). The readable form has no
 *    version of its own: its parameter names and value syntax are frozen by rules 2–5.
 * 2. The baseline is frozen: LINK_BASELINE is the spec an omitted parameter means. It is a literal
 *    copy of DEFAULT_SPEC as of version 1 and never changes, even when DEFAULT_SPEC (what the page
 *    shows at `/` with no parameters) moves on. Changing it would silently change old links.
 * 3. Fields are only ever added. A new spec field gets a new parameter whose absence means the
 *    value that reproduces the old behaviour (the field's schema default must be that value).
 *    Parameters are never renamed or reused for another meaning.
 * 4. Enum values (Python versions, variants, strategies, platforms) are only appended. A value the
 *    spec later refuses (e.g. an archived Debian release) is dropped with the refusal's message.
 * 5. Unknown parameters are ignored and reported ("unknown parameter"), so a link from a newer
 *    version still opens here with every field this version knows.
 * 6. Bumping the version: only for a change rules 2–5 cannot express (new value syntax, new
 *    compression). Write `s=2.`, keep decoding `s=1.` forever, and make a `s=N.` newer than the
 *    decoder a reported drop, never an error.
 * Limits: a query longer than MAX_QUERY_LENGTH is refused by the encoder (encodeShare says why)
 * and dropped whole by the decoder (the HTTP route answers 414; the production server's request guard sends such
 * page links to `/?link_error=…` before rendering). Length is measured as the encoder writes links (queryLength,
 * in share-query.mjs), so "%2C" and "," count alike however a browser or server re-escaped the link.
 *
 * Pure and browser-safe: URLSearchParams, TextEncoder/TextDecoder, btoa/atob only. Decoding never throws.
 */
import { parsePackageList } from "./requirements";
import { presetById, presetSpec } from "./presets";
import { DEFAULT_SPEC, parseSpec, type BuildSpec, type Requirement, type SpecIssue } from "./spec";
import { MAX_QUERY_LENGTH, formatQuery, queryLength } from "./share-query.mjs";

// The length limit and its measure live in plain JavaScript, shared with the production server's request guard.
export { MAX_QUERY_LENGTH, RAW_QUERY_MAX, formatQuery, queryLength } from "./share-query.mjs";

export const SHARE_VERSION = 1;
/** The readable form is used up to this length; longer specs use the compact form. */
export const READABLE_MAX = 1500;

/** What an omitted parameter means (rule 2). Frozen: do not edit, even when DEFAULT_SPEC changes. */
export const LINK_BASELINE: BuildSpec = Object.freeze({
  python: "3.14",
  base: "slim-trixie",
  finalBase: null,
  strategy: "uv",
  dependencySource: "requirements",
  packages: [
    { name: "flask", extras: [], hashes: [] },
    { name: "gunicorn", extras: [], hashes: [] },
    { name: "psycopg2", extras: [], hashes: [] },
  ],
  buildFromSource: false,
  systemPackages: { build: [], runtime: [], omit: [] },
  runtime: {
    copy: ["."],
    workdir: "/app",
    command: ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"],
    port: 8000,
    user: { enabled: true, name: "app", uid: 10001 },
    healthcheck: { enabled: false, path: "/health" },
    env: [],
    pythonDontWriteBytecode: true,
    pythonUnbuffered: true,
  },
  cacheMounts: true,
  platform: "linux/amd64",
}) as BuildSpec;

export interface Dropped {
  /** Spec field (dotted path, e.g. "runtime.env.0.value"), or the parameter name when it maps to no field. */
  field: string;
  /** The URL parameter it came from, e.g. "env" or "s". */
  param: string;
  /** What was given (shortened to 120 characters). */
  value?: string;
  message: string;
}

export interface DecodedShare {
  spec: BuildSpec;
  dropped: Dropped[];
  preset?: string;
}

// ---------------------------------------------------------------------------------------------
// The parameter table: one entry per spec field (rule 3: only ever append).
// ---------------------------------------------------------------------------------------------

type Value = unknown;
/** A decoded parameter value, plus the items of a list that could not be read. */
type Read = { ok: true; value: Value; bad?: { index: number; value: string; message: string }[] } | { ok: false; message: string };

interface Param {
  /** Name in the query and key in the compact JSON. */
  name: string;
  /** Spec path, for messages and for matching schema issues. */
  field: string;
  /** Items can be dropped one by one (the value is an array at `field`). */
  list?: boolean;
  /** Repeated parameter (`env=A=1&env=B=2`) instead of one value. */
  repeated?: boolean;
  get(spec: BuildSpec): Value;
  set(spec: BuildSpec, value: Value): BuildSpec;
  /** Readable text, or undefined when this form cannot carry the value. */
  write(value: Value, current: Value): string[] | undefined;
  /** Readable text(s) → value (relative to the current value for partial forms). */
  read(texts: string[], current: Value): Read;
  /** Compact JSON value. */
  toJson(value: Value): unknown;
  fromJson(json: unknown, current: Value): Read;
}

const ok = (value: Value): Read => ({ ok: true, value });
const identity = (v: Value) => v;
const plain = (v: unknown) => ok(v);
const one = (texts: string[]) => texts[texts.length - 1];

function top<K extends keyof BuildSpec>(key: K): Pick<Param, "get" | "set"> {
  return { get: (s) => s[key], set: (s, v) => ({ ...s, [key]: v }) };
}
function inRuntime<K extends keyof BuildSpec["runtime"]>(key: K): Pick<Param, "get" | "set"> {
  return { get: (s) => s.runtime[key], set: (s, v) => ({ ...s, runtime: { ...s.runtime, [key]: v } }) };
}
function inSystem<K extends keyof BuildSpec["systemPackages"]>(key: K): Pick<Param, "get" | "set"> {
  return { get: (s) => s.systemPackages[key], set: (s, v) => ({ ...s, systemPackages: { ...s.systemPackages, [key]: v } }) };
}

/** A string enum or free string: the text is the value; the schema checks it. */
function text(name: string, field: string, access: Pick<Param, "get" | "set">): Param {
  return { name, field, ...access, write: (v) => (typeof v === "string" ? [v] : undefined), read: (t) => ok(one(t)), toJson: identity, fromJson: plain };
}

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);
function flag(name: string, field: string, access: Pick<Param, "get" | "set">): Param {
  return {
    name,
    field,
    ...access,
    write: (v) => [v ? "1" : "0"],
    read: (t) => {
      const s = one(t).trim().toLowerCase();
      return TRUE.has(s) ? ok(true) : FALSE.has(s) ? ok(false) : { ok: false, message: "must be 1 or 0" };
    },
    toJson: identity,
    fromJson: plain,
  };
}

/** A comma-separated list of names (system packages, copy paths): names never contain commas. */
function names(name: string, field: string, access: Pick<Param, "get" | "set">): Param {
  return {
    name,
    field,
    list: true,
    ...access,
    write: (v) => [(v as string[]).join(",")],
    read: (t) => ok(one(t).split(",").map((s) => s.trim()).filter(Boolean)),
    toJson: identity,
    fromJson: plain,
  };
}

/** One requirement as requirements.txt text; parsePackageList reads it back. */
export function formatRequirement(r: Requirement): string {
  return (
    r.name +
    (r.extras.length ? `[${r.extras.join(",")}]` : "") +
    (r.specifier ?? "") +
    (r.marker !== undefined ? `; ${r.marker}` : "") +
    r.hashes.map((h) => ` --hash=${h}`).join("")
  );
}

/** Deep equality of JSON-like values (key order ignored; an undefined property equals a missing one). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameJson(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A requirement's compact JSON: its text when `text` and the text reads back the same (the
 * encoder verifies the whole link anyway), else the object without empty lists.
 */
function requirementToJson(r: Requirement, text: boolean): unknown {
  const trimmed = (s: string | undefined) => s === undefined || (s === s.trim() && !/\s-/.test(s));
  if (text && trimmed(r.specifier) && trimmed(r.marker)) return formatRequirement(r);
  const o: Record<string, unknown> = { name: r.name };
  if (r.extras.length) o.extras = r.extras;
  if (r.specifier !== undefined) o.specifier = r.specifier;
  if (r.marker !== undefined) o.marker = r.marker;
  if (r.hashes.length) o.hashes = r.hashes;
  return o;
}

/**
 * Items of a comma-separated package list. A comma starts a new item unless it is inside [extras]
 * or continues a version specifier (">=1.4,<2"), so one bad item never swallows its neighbour.
 */
function splitPackages(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    else if (c === "," && depth === 0 && !/^\s*[<>=!~]/.test(text.slice(i + 1, i + 40))) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items.map((s) => s.trim()).filter(Boolean);
}

function parseRequirementText(t: string): Read {
  const parsed = parsePackageList(t);
  if (parsed.problems.length) return { ok: false, message: parsed.problems[0].message };
  if (parsed.requirements.length !== 1) return { ok: false, message: "not one requirement" };
  return ok(parsed.requirements[0]);
}

const packagesParam: Param = {
  name: "packages",
  field: "packages",
  list: true,
  ...top("packages"),
  write: (v) => [(v as Requirement[]).map(formatRequirement).join(",")],
  read: (t) => {
    const value: Requirement[] = [];
    const bad: { index: number; value: string; message: string }[] = [];
    splitPackages(one(t)).forEach((item, index) => {
      const r = parseRequirementText(item);
      if (r.ok) value.push(r.value as Requirement);
      else bad.push({ index, value: item, message: r.message });
    });
    return { ok: true, value, bad };
  },
  toJson: (v) => (v as Requirement[]).map((r) => requirementToJson(r, true)),
  fromJson: (json) => {
    if (!Array.isArray(json)) return { ok: false, message: "must be a list of requirements" };
    const value: unknown[] = [];
    const bad: { index: number; value: string; message: string }[] = [];
    json.forEach((item, index) => {
      if (typeof item === "string") {
        const r = parseRequirementText(item);
        if (r.ok) value.push(r.value);
        else bad.push({ index, value: item, message: r.message });
      } else value.push(item);
    });
    return { ok: true, value, bad };
  },
};

const envParam: Param = {
  name: "env",
  field: "runtime.env",
  list: true,
  repeated: true,
  ...inRuntime("env"),
  // `env=` alone means "no variables" (to clear a preset's).
  write: (v) => ((v as { name: string; value: string }[]).length ? (v as { name: string; value: string }[]).map((e) => `${e.name}=${e.value}`) : [""]),
  read: (t) => readEnv(t.filter((s) => s !== "")),
  toJson: (v) => (v as { name: string; value: string }[]).map((e) => `${e.name}=${e.value}`),
  fromJson: (json) => (Array.isArray(json) && json.every((e) => typeof e === "string") ? readEnv(json) : { ok: false, message: "must be a list of NAME=value" }),
};

function readEnv(items: string[]): Read {
  const value: { name: string; value: string }[] = [];
  const bad: { index: number; value: string; message: string }[] = [];
  items.forEach((item, index) => {
    const eq = item.indexOf("=");
    if (eq < 1) bad.push({ index, value: item, message: "must be NAME=value" });
    else value.push({ name: item.slice(0, eq), value: item.slice(eq + 1) });
  });
  return { ok: true, value, bad };
}

const NONE = "none";

export const PARAMS: readonly Param[] = [
  text("python", "python", top("python")),
  text("base", "base", top("base")),
  {
    name: "final",
    field: "finalBase",
    ...top("finalBase"),
    write: (v) => [v === null ? "same" : String(v)],
    read: (t) => ok(one(t) === "same" || one(t) === "" ? null : one(t)),
    toJson: identity,
    fromJson: plain,
  },
  text("strategy", "strategy", top("strategy")),
  text("deps", "dependencySource", top("dependencySource")),
  packagesParam,
  flag("from-source", "buildFromSource", top("buildFromSource")),
  names("apt-build", "systemPackages.build", inSystem("build")),
  names("apt-runtime", "systemPackages.runtime", inSystem("runtime")),
  names("apt-omit", "systemPackages.omit", inSystem("omit")),
  names("copy", "runtime.copy", inRuntime("copy")),
  text("workdir", "runtime.workdir", inRuntime("workdir")),
  {
    // Space-separated argv; arguments with spaces (or empty ones) need the compact form.
    name: "cmd",
    field: "runtime.command",
    ...inRuntime("command"),
    write: (v) => ((v as string[]).every((a) => a !== "" && !/\s/.test(a)) ? [(v as string[]).join(" ")] : undefined),
    read: (t) => ok(one(t).split(" ").filter(Boolean)),
    toJson: identity,
    fromJson: plain,
  },
  {
    name: "port",
    field: "runtime.port",
    ...inRuntime("port"),
    write: (v) => [v === null ? NONE : String(v)],
    read: (t) => {
      const s = one(t).trim();
      if (s === NONE) return ok(null);
      return /^\d{1,5}$/.test(s) ? ok(Number(s)) : { ok: false, message: "must be a port number (1–65535) or none" };
    },
    toJson: identity,
    fromJson: plain,
  },
  {
    // user=NAME:UID runs as that user; user=none runs as root (name and uid unchanged).
    name: "user",
    field: "runtime.user",
    ...inRuntime("user"),
    write: (v, current) => {
      const u = v as BuildSpec["runtime"]["user"];
      const c = current as BuildSpec["runtime"]["user"];
      if (u.enabled) return [`${u.name}:${u.uid}`];
      return u.name === c.name && u.uid === c.uid ? [NONE] : undefined;
    },
    read: (t, current) => {
      const s = one(t).trim();
      if (s === NONE) return ok({ ...(current as object), enabled: false });
      const m = /^([^:]*)(?::(\d{1,6}))?$/.exec(s);
      if (!m) return { ok: false, message: "must be NAME:UID (e.g. app:10001) or none" };
      return ok({ enabled: true, name: m[1], uid: m[2] === undefined ? (current as { uid: number }).uid : Number(m[2]) });
    },
    toJson: identity,
    fromJson: plain,
  },
  {
    // health=/path turns the health check on; health=none turns it off (path unchanged).
    name: "health",
    field: "runtime.healthcheck",
    ...inRuntime("healthcheck"),
    write: (v, current) => {
      const h = v as BuildSpec["runtime"]["healthcheck"];
      if (h.enabled) return [h.path];
      return h.path === (current as { path: string }).path ? [NONE] : undefined;
    },
    read: (t, current) => (one(t).trim() === NONE ? ok({ ...(current as object), enabled: false }) : ok({ enabled: true, path: one(t) })),
    toJson: identity,
    fromJson: plain,
  },
  envParam,
  flag("dont-write-bytecode", "runtime.pythonDontWriteBytecode", inRuntime("pythonDontWriteBytecode")),
  flag("unbuffered", "runtime.pythonUnbuffered", inRuntime("pythonUnbuffered")),
  flag("cache-mounts", "cacheMounts", top("cacheMounts")),
  text("platform", "platform", top("platform")),
];

const BY_NAME = new Map(PARAMS.map((p) => [p.name, p]));
/** Parameters that are not spec fields. */
const CONTROL = new Set(["preset", "s"]);

/**
 * When a schema issue names a field no parameter set, which supplied parameters can have caused
 * it (cross-field rules in spec.ts).
 */
const CAUSES: [RegExp, string[]][] = [
  [/^base/, ["python"]],
  [/^finalBase/, ["base", "python"]],
  [/^strategy/, ["python"]],
  [/^dependencySource/, ["strategy"]],
  [/^systemPackages/, ["base"]],
  [/^runtime\.healthcheck/, ["port"]],
];

// ---------------------------------------------------------------------------------------------
// base64url (UTF-8), browser-safe
// ---------------------------------------------------------------------------------------------

function toBase64Url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (s.length % 4)) % 4));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

export type EncodeResult =
  /** `query`: the text after "?" as links should show it; `params`: the same, parsed. */
  | { ok: true; query: string; params: URLSearchParams; form: "readable" | "compact" }
  | { ok: false; message: string };

function readableParams(spec: BuildSpec): URLSearchParams | null {
  const params = new URLSearchParams();
  for (const p of PARAMS) {
    const value = p.get(spec);
    const base = p.get(LINK_BASELINE);
    if (sameJson(value, base)) continue;
    const texts = p.write(value, base);
    if (texts === undefined) return null;
    for (const t of texts) params.append(p.name, t);
  }
  return params;
}

/** The compact form; `texts`: packages as requirement text (shorter) rather than objects (always exact). */
function compactParams(spec: BuildSpec, texts: boolean): URLSearchParams {
  const json: Record<string, unknown> = {};
  for (const p of PARAMS) {
    const value = p.get(spec);
    if (!sameJson(value, p.get(LINK_BASELINE))) json[p.name] = p === packagesParam ? (value as Requirement[]).map((r) => requirementToJson(r, texts)) : p.toJson(value);
  }
  return new URLSearchParams({ s: `${SHARE_VERSION}.${toBase64Url(JSON.stringify(json))}` });
}

/** Does this query decode to exactly this spec? */
function roundTrips(query: string, spec: BuildSpec): boolean {
  const back = searchParamsToSpec(query);
  return back.dropped.length === 0 && sameJson(back.spec, spec);
}

/**
 * The share query for a spec: readable when it is short and exact, compact otherwise.
 * Refuses (never throws) when no form fits in MAX_QUERY_LENGTH or carries the spec exactly.
 * `query` is the text after "?" (empty for the default spec).
 */
export function encodeShare(spec: BuildSpec): EncodeResult {
  const checked = parseSpec(spec);
  if (!checked.ok) return { ok: false, message: `not a valid spec: ${checked.issues[0].field}: ${checked.issues[0].message}` };
  const valid = checked.spec;
  const readableP = readableParams(valid);
  const readable = readableP ? formatQuery(readableP) : null;
  if (readable !== null && readable.length <= READABLE_MAX && roundTrips(readable, valid))
    return { ok: true, query: readable, params: new URLSearchParams(readable), form: "readable" };
  // Longer specs: the shorter form that carries the spec exactly (the last candidate never fails
  // on content: packages as objects, everything else as plain JSON).
  const exact = { query: formatQuery(compactParams(valid, false)), form: "compact" as const };
  const candidates = [
    ...(readable !== null ? [{ query: readable, form: "readable" as const }] : []),
    { query: formatQuery(compactParams(valid, true)), form: "compact" as const },
    exact,
  ].sort((a, b) => a.query.length - b.query.length);
  for (const c of candidates) {
    if (c.query.length <= MAX_QUERY_LENGTH && roundTrips(c.query, valid)) return { ok: true, query: c.query, params: new URLSearchParams(c.query), form: c.form };
  }
  if (exact.query.length > MAX_QUERY_LENGTH)
    return { ok: false, message: `this spec needs a ${exact.query.length}-character link; the limit is ${MAX_QUERY_LENGTH}: share the spec as a JSON file instead` };
  return { ok: false, message: "this spec cannot be carried by a link exactly: share the spec as a JSON file instead" };
}

export class ShareError extends Error {}

/** The share query for a spec. Throws ShareError (with a message for the user) when encodeShare refuses. */
export function specToSearchParams(spec: BuildSpec): URLSearchParams {
  const r = encodeShare(spec);
  if (!r.ok) throw new ShareError(r.message);
  return r.params;
}

/**
 * baseUrl (e.g. "https://example.com/") with the spec as its query (any query or #hash of baseUrl
 * is replaced). Throws ShareError like specToSearchParams, or when baseUrl is not an absolute URL.
 */
export function shareUrl(spec: BuildSpec, baseUrl: string): string {
  const r = encodeShare(spec);
  if (!r.ok) throw new ShareError(r.message);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ShareError(`"${baseUrl}" is not an absolute URL`);
  }
  return `${url.origin}${url.pathname}${r.query ? `?${r.query}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Decoding: never throws
// ---------------------------------------------------------------------------------------------

function short(v: unknown): string {
  let s: string;
  try {
    s = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** The query part of a full link ("https://x/?a=1#h"), a query ("?a=1", "a=1") or URLSearchParams. */
function queryOf(input: URLSearchParams | string): string {
  if (typeof input !== "string") return input.toString();
  let s = input.trim();
  const hash = s.indexOf("#");
  if (hash >= 0) s = s.slice(0, hash);
  const q = s.indexOf("?");
  if (q >= 0) return s.slice(q + 1);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith("/") ? "" : s;
}

interface Supplied {
  param: Param;
  /** Value before this parameter was applied. */
  before: Value;
  raw: string;
}

/** The spec a share query describes, the parts that were dropped (and why), and the preset it started from. */
export function searchParamsToSpec(input: URLSearchParams | string): DecodedShare {
  try {
    return decode(input);
  } catch (e) {
    // Unreachable by design; a decoder must still never throw.
    return { spec: LINK_BASELINE, dropped: [{ field: "query", param: "", message: `could not be read: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function decode(input: URLSearchParams | string): DecodedShare {
  const dropped: Dropped[] = [];
  const query = typeof input === "string" ? queryOf(input) : input;
  const length = queryLength(query);
  if (length > MAX_QUERY_LENGTH)
    return { spec: LINK_BASELINE, dropped: [{ field: "query", param: "", message: `the query is ${length} characters long; the limit is ${MAX_QUERY_LENGTH}` }] };
  const params = new URLSearchParams(query);
  const keys = [...new Set(params.keys())];
  // No parameters at all: the app's current default, not the frozen link baseline.
  if (keys.length === 0) return { spec: DEFAULT_SPEC, dropped };

  let spec: BuildSpec = LINK_BASELINE;
  let preset: string | undefined;
  const single = (key: string): string => {
    const all = params.getAll(key);
    if (all.length > 1) dropped.push({ field: key, param: key, value: short(all.slice(0, -1).join(", ")), message: "given more than once; the last one is used" });
    return all[all.length - 1];
  };

  if (params.has("preset")) {
    const id = single("preset");
    const p = presetById(id);
    if (p) {
      spec = presetSpec(p);
      preset = p.id;
    } else dropped.push({ field: "preset", param: "preset", value: short(id), message: "unknown preset" });
  }
  const start = spec;
  const supplied: Supplied[] = [];
  const apply = (param: Param, r: Read, raw: string, via: string) => {
    if (!r.ok) {
      dropped.push({ field: param.field, param: via, value: short(raw), message: r.message });
      return;
    }
    for (const b of r.bad ?? []) dropped.push({ field: `${param.field}`, param: via, value: short(b.value), message: b.message });
    const before = param.get(spec);
    spec = param.set(spec, r.value);
    supplied.push({ param, before, raw });
  };

  if (params.has("s")) {
    const s = single("s");
    const m = /^(\d{1,6})\.(.*)$/s.exec(s);
    const json = m && Number(m[1]) === SHARE_VERSION ? fromBase64Url(m[2]) : null;
    let object: unknown = undefined;
    if (!m) dropped.push({ field: "s", param: "s", value: short(s), message: `not a share code (expected ${SHARE_VERSION}.<code>)` });
    else if (Number(m[1]) !== SHARE_VERSION)
      dropped.push({ field: "s", param: "s", value: short(s), message: `share code version ${m[1]} is not understood here (this version reads ${SHARE_VERSION}); the link may be from a newer Wheelwright` });
    else if (json === null) dropped.push({ field: "s", param: "s", value: short(s), message: "the share code is damaged (not base64url UTF-8); was the link cut short?" });
    else {
      try {
        object = JSON.parse(json);
      } catch {
        dropped.push({ field: "s", param: "s", value: short(s), message: "the share code is damaged (not JSON); was the link cut short?" });
      }
      if (object !== undefined && (typeof object !== "object" || object === null || Array.isArray(object))) {
        dropped.push({ field: "s", param: "s", value: short(s), message: "the share code is not a spec" });
        object = undefined;
      }
    }
    if (object !== undefined) {
      for (const key of Object.keys(object as object)) {
        const value = (object as Record<string, unknown>)[key];
        const param = BY_NAME.get(key);
        if (!param) {
          dropped.push({ field: key, param: "s", value: short(value), message: "unknown field in the share code" });
          continue;
        }
        apply(param, param.fromJson(value, param.get(spec)), short(value), "s");
      }
    }
  }

  for (const key of keys) {
    if (CONTROL.has(key)) continue;
    const param = BY_NAME.get(key);
    if (!param) {
      dropped.push({ field: key, param: key, value: short(params.getAll(key).join(", ")), message: "unknown parameter" });
      continue;
    }
    const texts = param.repeated ? params.getAll(key) : [single(key)];
    apply(param, param.read(texts, param.get(spec)), texts.join(" & "), key);
  }

  // Validate the whole spec; drop what fails (a list item, else the parameter) until it is valid.
  const ownerOf = (field: string) => supplied.findLast((s) => field === s.param.field || field.startsWith(`${s.param.field}.`));
  /** The list item an issue is about, if it is about one. */
  const itemOf = (field: string): { owner: Supplied; index: number } | null => {
    const owner = ownerOf(field);
    if (!owner?.param.list) return null;
    const rest = field.slice(owner.param.field.length + 1).split(".");
    const index = Number(rest[0]);
    const items = owner.param.get(spec) as unknown[];
    return rest[0] !== "" && Number.isInteger(index) && index >= 0 && index < items.length ? { owner, index } : null;
  };
  for (let guard = 0; guard < 1000; guard++) {
    const result = parseSpec(spec);
    if (result.ok) return { spec: result.spec, dropped, ...(preset ? { preset } : {}) };
    const issue = result.issues[0];
    if (itemOf(issue.field)) {
      // Drop every failing list item of this pass together (the first issue of each), so 300 bad packages cost
      // one more parse, not 300. Fields keep the items' positions in the link.
      const bad = new Map<Supplied, Map<number, SpecIssue>>();
      for (const i of result.issues) {
        const item = itemOf(i.field);
        if (!item) continue;
        const forOwner = bad.get(item.owner) ?? new Map<number, SpecIssue>();
        bad.set(item.owner, forOwner);
        if (!forOwner.has(item.index)) forOwner.set(item.index, i);
      }
      for (const [owner, indices] of bad) {
        const items = owner.param.get(spec) as unknown[];
        for (const [index, i] of [...indices].sort((a, b) => a[0] - b[0]))
          dropped.push({ field: i.field, param: owner.param.name, value: short(listItemText(owner.param, items[index])), message: i.message });
        spec = owner.param.set(spec, items.filter((_, index) => !indices.has(index)));
      }
      continue;
    }
    // The last parameter applied wins, so it is the first suspect.
    const culprit =
      ownerOf(issue.field) ??
      supplied.findLast((s) => CAUSES.some(([re, names]) => re.test(issue.field) && names.includes(s.param.name))) ??
      supplied[supplied.length - 1];
    if (!culprit) break; // the starting spec itself is invalid: cannot happen (baseline and presets are valid)
    dropped.push({ field: issue.field, param: culprit.param.name, value: short(culprit.raw), message: issue.message });
    spec = culprit.param.set(spec, culprit.before);
    supplied.splice(supplied.indexOf(culprit), 1);
  }
  return { spec: start, dropped, ...(preset ? { preset } : {}) };
}

function listItemText(param: Param, item: unknown): string {
  if (param === packagesParam && item && typeof item === "object" && typeof (item as Requirement).name === "string") {
    try {
      const r = item as Partial<Requirement>;
      return formatRequirement({ name: String(r.name), extras: r.extras ?? [], specifier: r.specifier, marker: r.marker, hashes: r.hashes ?? [] });
    } catch {
      return short(item);
    }
  }
  if (param === envParam && item && typeof item === "object") return `${(item as { name: unknown }).name}=${(item as { value: unknown }).value}`;
  return short(item);
}
