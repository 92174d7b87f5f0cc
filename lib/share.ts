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
import { presetById, presetSpec } from "./presets";
import { BuildSpecSchema, DEFAULT_SPEC, parseSpec, type BuildSpec, type BuildSpecInput, type SpecIssue } from "./spec";
import { FIELDS, fieldOf, getAt, setAt, type Rule } from "./spec/fields";
import { SHARE_CODECS, type Read, type ShareCodec } from "./spec/share-codecs";
import { MAX_QUERY_LENGTH, formatQuery, queryLength } from "./share-query.mjs";

// The length limit and its measure live in plain JavaScript, shared with the production server's request guard.
export { MAX_QUERY_LENGTH, RAW_QUERY_MAX, formatQuery, queryLength } from "./share-query.mjs";
export { formatRequirement } from "./spec/share-codecs";

export const SHARE_VERSION = 1;
/** The readable form is used up to this length; longer specs use the compact form. */
export const READABLE_MAX = 1500;

/** The version-1 baseline (rule 2). Frozen: do not edit, even when DEFAULT_SPEC changes. */
const BASELINE_V1: BuildSpecInput = {
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
};
/** What an omitted parameter means: the version-1 baseline, and for a field added since, its default (rule 3). */
export const LINK_BASELINE: BuildSpec = Object.freeze(BuildSpecSchema.parse(BASELINE_V1));

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
// The parameters: one per spec field, named and encoded as its declaration says (lib/spec/fields.ts; rule 3: only
// ever append).
// ---------------------------------------------------------------------------------------------

export interface Param extends ShareCodec {
  /** Name in the query and key in the compact JSON. */
  name: string;
  /** Spec path, for messages and for matching schema issues. */
  field: string;
  get(spec: BuildSpec): unknown;
  set(spec: BuildSpec, value: unknown): BuildSpec;
}

export const PARAMS: readonly Param[] = FIELDS.map((f) => ({
  name: f.share.param,
  field: f.path,
  ...(SHARE_CODECS[f.share.codec] as ShareCodec),
  get: (spec) => getAt(spec, f.path),
  set: (spec, value) => setAt(spec, f.path, value),
}));

const BY_NAME = new Map(PARAMS.map((p) => [p.name, p]));
/** Parameters that are not spec fields. */
const CONTROL = new Set(["preset", "s"]);

/**
 * When a schema issue names a field no parameter set, the parameters that can have caused it: those of the fields
 * its field's cross-field rules read.
 */
function causes(field: string): string[] {
  const f = fieldOf(field);
  const rules: readonly Rule[] = f && "rules" in f ? f.rules : [];
  return rules.flatMap((r) => r.reads.map((path) => FIELDS.find((g) => g.path === path)!.share.param));
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
    if (!sameJson(value, p.get(LINK_BASELINE))) json[p.name] = p.toJson(value, texts);
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
  before: unknown;
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
      supplied.findLast((s) => causes(issue.field).includes(s.param.name)) ??
      supplied[supplied.length - 1];
    if (!culprit) break; // the starting spec itself is invalid: cannot happen (baseline and presets are valid)
    dropped.push({ field: issue.field, param: culprit.param.name, value: short(culprit.raw), message: issue.message });
    spec = culprit.param.set(spec, culprit.before);
    supplied.splice(supplied.indexOf(culprit), 1);
  }
  return { spec: start, dropped, ...(preset ? { preset } : {}) };
}

function listItemText(param: Param, item: unknown): string {
  return param.itemText?.(item) ?? short(item);
}
