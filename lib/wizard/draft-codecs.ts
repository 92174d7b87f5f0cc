/**
 * The draft codecs a field declaration names (`draft.codec` in lib/spec/fields.ts): between a spec value and what
 * the user types (strings stay strings), and how a stored draft's slot is read back. Only shapes are checked here;
 * the schema judges the values. No zod: the page imports this at first load.
 */
import type { Requirement, SpecIssue } from "../spec";
import { joinCommand, splitCommand } from "./command";

export interface DraftCodec<V, D> {
  toDraft(value: V): D;
  /** The spec input for the slot; problems found before the schema sees it go into `issues` at `field`. */
  toInput(draft: D, field: string, issues: SpecIssue[]): unknown;
  /** A stored slot back, or `base` where its shape is wrong. Never throws. */
  restore(raw: unknown, base: D): D;
}

export interface EnvDraft {
  name: string;
  value: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const str = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : fallback);

function integer(text: string, field: string, what: string, issues: SpecIssue[]): number | string {
  const t = text.trim();
  if (/^\d{1,9}$/.test(t)) return Number(t);
  issues.push({ field, message: `${what} must be a whole number` });
  return t;
}

/** A stored requirement's shape (its text is judged by the schema, like every other field), or null. */
function storedRequirement(v: unknown): Requirement | null {
  if (!isObject(v) || typeof v.name !== "string") return null;
  const { name, extras = [], specifier, marker, hashes = [] } = v;
  if (!isStrings(extras) || !isStrings(hashes)) return null;
  if ((specifier !== undefined && typeof specifier !== "string") || (marker !== undefined && typeof marker !== "string")) return null;
  // The schema's key order (name, extras, specifier, marker, hashes), so equal drafts stringify equally.
  return {
    name,
    extras: [...extras],
    ...(specifier !== undefined ? { specifier } : {}),
    ...(marker !== undefined ? { marker } : {}),
    hashes: [...hashes],
  };
}

const same = <T>(v: T): T => v;
const asText = (raw: unknown, base: string) => str(raw, base);

export const DRAFT_CODECS = {
  text: { toDraft: same<string>, toInput: same, restore: asText } satisfies DraftCodec<string, string>,
  /** "" stands for null (the final stage uses the build stage's image). */
  emptyIsNull: { toDraft: (v) => v ?? "", toInput: (d) => (d === "" ? null : d), restore: asText } satisfies DraftCodec<string | null, string>,
  bool: { toDraft: same<boolean>, toInput: same, restore: bool } satisfies DraftCodec<boolean, boolean>,
  strings: { toDraft: (v) => [...v], toInput: same, restore: (raw, base) => (isStrings(raw) ? [...raw] : base) } satisfies DraftCodec<readonly string[], string[]>,
  /** Words separated by spaces (paths never contain spaces). */
  words: { toDraft: (v) => v.join(" "), toInput: (d) => d.split(/\s+/).filter(Boolean), restore: asText } satisfies DraftCodec<readonly string[], string>,
  /** An argv as shell-like text (command.ts). */
  command: {
    toDraft: joinCommand,
    toInput: (d, field, issues) => {
      const split = splitCommand(d);
      if (!split.ok) issues.push({ field, message: split.message });
      return split.ok ? split.argv : [d];
    },
    restore: asText,
  } satisfies DraftCodec<readonly string[], string>,
  /** "" means no port. */
  port: {
    toDraft: (v) => (v === null ? "" : String(v)),
    toInput: (d, field, issues) => (d.trim() === "" ? null : integer(d, field, "the port", issues)),
    restore: asText,
  } satisfies DraftCodec<number | null, string>,
  user: {
    toDraft: (v) => ({ enabled: v.enabled, name: v.name, uid: String(v.uid) }),
    toInput: (d, field, issues) => ({ enabled: d.enabled, name: d.name, uid: integer(d.uid, `${field}.uid`, "the uid", issues) }),
    restore: (raw, base) => (isObject(raw) ? { enabled: bool(raw.enabled, base.enabled), name: str(raw.name, base.name), uid: str(raw.uid, base.uid) } : base),
  } satisfies DraftCodec<{ enabled: boolean; name: string; uid: number }, { enabled: boolean; name: string; uid: string }>,
  healthcheck: {
    toDraft: (v) => ({ ...v }),
    toInput: same,
    restore: (raw, base) => (isObject(raw) ? { enabled: bool(raw.enabled, base.enabled), path: str(raw.path, base.path) } : base),
  } satisfies DraftCodec<{ enabled: boolean; path: string }, { enabled: boolean; path: string }>,
  /** A list with one malformed entry falls back as a whole. */
  requirements: {
    toDraft: (v) => v.map((p) => ({ ...p, extras: [...p.extras], hashes: [...p.hashes] })),
    toInput: same,
    restore: (raw, base) => {
      const packages = Array.isArray(raw) ? raw.map(storedRequirement) : null;
      return packages && packages.every((p) => p !== null) ? (packages as Requirement[]) : base;
    },
  } satisfies DraftCodec<readonly Requirement[], Requirement[]>,
  env: {
    toDraft: (v) => v.map((e) => ({ ...e })),
    toInput: same,
    restore: (raw, base) =>
      Array.isArray(raw) && raw.every((e) => isObject(e) && typeof e.name === "string" && typeof e.value === "string")
        ? raw.map((e: Json) => ({ name: e.name as string, value: e.value as string }))
        : base,
  } satisfies DraftCodec<readonly EnvDraft[], EnvDraft[]>,
};

export type DraftCodecId = keyof typeof DRAFT_CODECS;
/** What a codec keeps in the draft. */
export type DraftValueOf<C extends DraftCodecId> = ReturnType<(typeof DRAFT_CODECS)[C]["toDraft"]>;
