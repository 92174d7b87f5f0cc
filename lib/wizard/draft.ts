/**
 * The wizard's draft: every field as the user typed it (strings stay strings), separate from the
 * last valid spec. `draftToInput` turns a draft into a spec input; `evaluateDraft` (evaluate.ts)
 * lets `parseSpec` judge it, so the page never decides on its own what is valid.
 *
 * No zod here (only types from the spec): the page imports this at first load, before the engine
 * (lib/engine.ts) that validates.
 */
import type { BuildSpec, Requirement, SpecIssue } from "../spec";
import { joinCommand, splitCommand } from "./command";

export interface EnvDraft {
  name: string;
  value: string;
}

export interface Draft {
  python: string;
  base: string;
  /** "" = the same image as the build stage. */
  finalBase: string;
  strategy: string;
  dependencySource: string;
  packages: Requirement[];
  buildFromSource: boolean;
  systemPackages: { build: string[]; runtime: string[]; omit: string[] };
  copy: string;
  workdir: string;
  command: string;
  port: string;
  user: { enabled: boolean; name: string; uid: string };
  healthcheck: { enabled: boolean; path: string };
  env: EnvDraft[];
  pythonDontWriteBytecode: boolean;
  pythonUnbuffered: boolean;
  cacheMounts: boolean;
  platform: string;
  /** The last text pasted into the requirements box, kept so nothing typed is lost. */
  pasteText: string;
}

export function specToDraft(spec: BuildSpec, pasteText = ""): Draft {
  const r = spec.runtime;
  return {
    python: spec.python,
    base: spec.base,
    finalBase: spec.finalBase ?? "",
    strategy: spec.strategy,
    dependencySource: spec.dependencySource,
    packages: spec.packages.map((p) => ({ ...p, extras: [...p.extras], hashes: [...p.hashes] })),
    buildFromSource: spec.buildFromSource,
    systemPackages: {
      build: [...spec.systemPackages.build],
      runtime: [...spec.systemPackages.runtime],
      omit: [...spec.systemPackages.omit],
    },
    copy: r.copy.join(" "),
    workdir: r.workdir,
    command: joinCommand(r.command),
    port: r.port === null ? "" : String(r.port),
    user: { enabled: r.user.enabled, name: r.user.name, uid: String(r.user.uid) },
    healthcheck: { ...r.healthcheck },
    env: r.env.map((e) => ({ ...e })),
    pythonDontWriteBytecode: r.pythonDontWriteBytecode,
    pythonUnbuffered: r.pythonUnbuffered,
    cacheMounts: spec.cacheMounts,
    platform: spec.platform,
    pasteText,
  };
}

function integer(text: string, field: string, what: string, issues: SpecIssue[]): number | string {
  const t = text.trim();
  if (/^\d{1,9}$/.test(t)) return Number(t);
  issues.push({ field, message: `${what} must be a whole number` });
  return t;
}

/** The spec input a draft stands for, plus the problems found before the schema sees it. */
export function draftToInput(d: Draft): { input: unknown; issues: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  const port = d.port.trim() === "" ? null : integer(d.port, "runtime.port", "the port", issues);
  const uid = integer(d.user.uid, "runtime.user.uid", "the uid", issues);
  const split = splitCommand(d.command);
  if (!split.ok) issues.push({ field: "runtime.command", message: split.message });
  const input = {
    python: d.python,
    base: d.base,
    finalBase: d.finalBase === "" ? null : d.finalBase,
    strategy: d.strategy,
    dependencySource: d.dependencySource,
    packages: d.packages,
    buildFromSource: d.buildFromSource,
    systemPackages: d.systemPackages,
    runtime: {
      copy: d.copy.split(/\s+/).filter(Boolean),
      workdir: d.workdir,
      command: split.ok ? split.argv : [d.command],
      port,
      user: { enabled: d.user.enabled, name: d.user.name, uid },
      healthcheck: d.healthcheck,
      env: d.env,
      pythonDontWriteBytecode: d.pythonDontWriteBytecode,
      pythonUnbuffered: d.pythonUnbuffered,
    },
    cacheMounts: d.cacheMounts,
    platform: d.platform,
  };
  return { input, issues };
}

/** The issues that belong to one field (its own path or anything below it). */
export function issuesAt(issues: readonly SpecIssue[], field: string): SpecIssue[] {
  return issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`));
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const str = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : fallback);
const strings = (v: unknown): string[] => (isStrings(v) ? [...v] : []);

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

/**
 * Reads a stored draft (localStorage) back, filling anything missing or of the wrong type from `base`
 * (a list with one malformed entry falls back as a whole). Only the shape is checked here, without zod
 * (this runs during hydration, before the engine loads); the schema still judges every value afterwards.
 * Never throws.
 */
export function restoreDraft(raw: unknown, base: Draft): Draft {
  if (!isObject(raw)) return base;
  const packages = Array.isArray(raw.packages) ? raw.packages.map(storedRequirement) : null;
  const sp = raw.systemPackages;
  const user = raw.user;
  const hc = raw.healthcheck;
  const env = raw.env;
  return {
    python: str(raw.python, base.python),
    base: str(raw.base, base.base),
    finalBase: str(raw.finalBase, base.finalBase),
    strategy: str(raw.strategy, base.strategy),
    dependencySource: str(raw.dependencySource, base.dependencySource),
    packages: packages && packages.every((p) => p !== null) ? (packages as Requirement[]) : base.packages,
    buildFromSource: bool(raw.buildFromSource, base.buildFromSource),
    systemPackages: isObject(sp) ? { build: strings(sp.build), runtime: strings(sp.runtime), omit: strings(sp.omit) } : base.systemPackages,
    copy: str(raw.copy, base.copy),
    workdir: str(raw.workdir, base.workdir),
    command: str(raw.command, base.command),
    port: str(raw.port, base.port),
    user: isObject(user) ? { enabled: bool(user.enabled, base.user.enabled), name: str(user.name, base.user.name), uid: str(user.uid, base.user.uid) } : base.user,
    healthcheck: isObject(hc) ? { enabled: bool(hc.enabled, base.healthcheck.enabled), path: str(hc.path, base.healthcheck.path) } : base.healthcheck,
    env:
      Array.isArray(env) && env.every((e) => isObject(e) && typeof e.name === "string" && typeof e.value === "string")
        ? env.map((e: Json) => ({ name: e.name as string, value: e.value as string }))
        : base.env,
    pythonDontWriteBytecode: bool(raw.pythonDontWriteBytecode, base.pythonDontWriteBytecode),
    pythonUnbuffered: bool(raw.pythonUnbuffered, base.pythonUnbuffered),
    cacheMounts: bool(raw.cacheMounts, base.cacheMounts),
    platform: str(raw.platform, base.platform),
    pasteText: str(raw.pasteText, ""),
  };
}
