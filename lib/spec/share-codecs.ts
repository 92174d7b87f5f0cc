/**
 * The share-link codecs a field declaration names (`share.codec` in fields.ts): how a value is written as readable
 * query text and as compact JSON, and read back. lib/share.ts applies them; the syntax each one reads is frozen by
 * the compatibility rules there (a codec may learn to read more, never to read old text differently).
 *
 * Engine-side (the package codec uses the requirements parser). Reading never throws.
 */
import { parsePackageList } from "../requirements";
import type { Requirement } from "../spec";

/** A decoded value, plus the items of a list that could not be read. */
export type Read = { ok: true; value: unknown; bad?: { index: number; value: string; message: string }[] } | { ok: false; message: string };

export interface ShareCodec {
  /** Items can be dropped one by one (the value is a list). */
  list?: boolean;
  /** Repeated parameter (`env=A=1&env=B=2`) instead of one value. */
  repeated?: boolean;
  /** Readable text, or undefined when this form cannot carry the value (`current`: the value it replaces). */
  write(value: unknown, current: unknown): string[] | undefined;
  /** Readable text(s) → value (relative to the current value for partial forms). */
  read(texts: string[], current: unknown): Read;
  /** Compact JSON value; `short`: a shorter spelling the encoder verifies by decoding (packages as text). */
  toJson(value: unknown, short: boolean): unknown;
  fromJson(json: unknown, current: unknown): Read;
  /** A list item as the user would write it, for messages. */
  itemText?(item: unknown): string | undefined;
}

const ok = (value: unknown): Read => ({ ok: true, value });
const identity = (v: unknown) => v;
const plain = (v: unknown) => ok(v);
const one = (texts: string[]) => texts[texts.length - 1];
const NONE = "none";
const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);

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

/** Reads each item; the unreadable ones are reported, not fatal. */
function items<T>(list: readonly T[], readOne: (item: T) => Read, text: (item: T) => string): Read {
  const value: unknown[] = [];
  const bad: { index: number; value: string; message: string }[] = [];
  list.forEach((item, index) => {
    const r = readOne(item);
    if (r.ok) value.push(r.value);
    else bad.push({ index, value: text(item), message: r.message });
  });
  return { ok: true, value, bad };
}

type EnvVar = { name: string; value: string };

function readEnvVar(item: string): Read {
  const eq = item.indexOf("=");
  return eq < 1 ? { ok: false, message: "must be NAME=value" } : ok({ name: item.slice(0, eq), value: item.slice(eq + 1) });
}

export const SHARE_CODECS = {
  /** A string enum or free string: the text is the value; the schema checks it. */
  text: { write: (v) => (typeof v === "string" ? [v] : undefined), read: (t) => ok(one(t)), toJson: identity, fromJson: plain },
  /** The final stage's image: `same` (or empty) for the build stage's. */
  sameOrVariant: {
    write: (v) => [v === null ? "same" : String(v)],
    read: (t) => ok(one(t) === "same" || one(t) === "" ? null : one(t)),
    toJson: identity,
    fromJson: plain,
  },
  flag: {
    write: (v) => [v ? "1" : "0"],
    read: (t) => {
      const s = one(t).trim().toLowerCase();
      return TRUE.has(s) ? ok(true) : FALSE.has(s) ? ok(false) : { ok: false, message: "must be 1 or 0" };
    },
    toJson: identity,
    fromJson: plain,
  },
  /** A comma-separated list of names (system packages, copy paths): names never contain commas. */
  names: {
    list: true,
    write: (v) => [(v as string[]).join(",")],
    read: (t) => ok(one(t).split(",").map((s) => s.trim()).filter(Boolean)),
    toJson: identity,
    fromJson: plain,
  },
  /** Requirements as comma-separated requirement text; in JSON each is its text or its object. */
  requirements: {
    list: true,
    write: (v) => [(v as Requirement[]).map(formatRequirement).join(",")],
    read: (t) => items(splitPackages(one(t)), parseRequirementText, String),
    toJson: (v, short) => (v as Requirement[]).map((r) => requirementToJson(r, short)),
    fromJson: (json) => {
      if (!Array.isArray(json)) return { ok: false, message: "must be a list of requirements" };
      return items(json, (item) => (typeof item === "string" ? parseRequirementText(item) : ok(item)), String);
    },
    itemText: (item) => {
      if (!item || typeof item !== "object" || typeof (item as Requirement).name !== "string") return undefined;
      try {
        const r = item as Partial<Requirement>;
        return formatRequirement({ name: String(r.name), extras: r.extras ?? [], specifier: r.specifier, marker: r.marker, hashes: r.hashes ?? [] });
      } catch {
        return undefined;
      }
    },
  },
  /** Space-separated argv; arguments with spaces (or empty ones) need the compact form. */
  argv: {
    write: (v) => ((v as string[]).every((a) => a !== "" && !/\s/.test(a)) ? [(v as string[]).join(" ")] : undefined),
    read: (t) => ok(one(t).split(" ").filter(Boolean)),
    toJson: identity,
    fromJson: plain,
  },
  /** A port number, or `none`. */
  port: {
    write: (v) => [v === null ? NONE : String(v)],
    read: (t) => {
      const s = one(t).trim();
      if (s === NONE) return ok(null);
      return /^\d{1,5}$/.test(s) ? ok(Number(s)) : { ok: false, message: "must be a port number (1–65535) or none" };
    },
    toJson: identity,
    fromJson: plain,
  },
  /** user=NAME:UID runs as that user; user=none runs as root (name and uid unchanged). */
  user: {
    write: (v, current) => {
      const u = v as { enabled: boolean; name: string; uid: number };
      const c = current as typeof u;
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
  /** health=/path turns the health check on; health=none turns it off (path unchanged). */
  health: {
    write: (v, current) => {
      const h = v as { enabled: boolean; path: string };
      if (h.enabled) return [h.path];
      return h.path === (current as { path: string }).path ? [NONE] : undefined;
    },
    read: (t, current) => (one(t).trim() === NONE ? ok({ ...(current as object), enabled: false }) : ok({ enabled: true, path: one(t) })),
    toJson: identity,
    fromJson: plain,
  },
  /** Repeated NAME=value; `env=` alone means "no variables" (to clear a preset's). */
  env: {
    list: true,
    repeated: true,
    write: (v) => ((v as EnvVar[]).length ? (v as EnvVar[]).map((e) => `${e.name}=${e.value}`) : [""]),
    read: (t) => items(t.filter((s) => s !== ""), readEnvVar, String),
    toJson: (v) => (v as EnvVar[]).map((e) => `${e.name}=${e.value}`),
    fromJson: (json) => (Array.isArray(json) && json.every((e) => typeof e === "string") ? items(json, readEnvVar, String) : { ok: false, message: "must be a list of NAME=value" }),
    itemText: (item) => (item && typeof item === "object" ? `${(item as { name: unknown }).name}=${(item as { value: unknown }).value}` : undefined),
  },
} satisfies Record<string, ShareCodec>;

export type ShareCodecId = keyof typeof SHARE_CODECS;
