/**
 * The wizard's draft: every field as the user typed it (strings stay strings), separate from the
 * last valid spec. `evaluateDraft` turns a draft into a spec input and lets `parseSpec` judge it,
 * so the page never decides on its own what is valid.
 */
import { z } from "zod";
import { RequirementSchema, parseSpec, type BuildSpec, type SpecIssue } from "../spec";
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
  packages: z.infer<typeof RequirementSchema>[];
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

export type Evaluation = { ok: true; spec: BuildSpec; issues: [] } | { ok: false; issues: SpecIssue[] };

/** Draft → spec, or every issue at its field. A field with a local problem shows only that one. */
export function evaluateDraft(d: Draft): Evaluation {
  const { input, issues: local } = draftToInput(d);
  const parsed = parseSpec(input);
  if (parsed.ok && local.length === 0) return { ok: true, spec: parsed.spec, issues: [] };
  const localFields = new Set(local.map((i) => i.field));
  const schema = parsed.ok ? [] : parsed.issues.filter((i) => ![...localFields].some((f) => i.field === f || i.field.startsWith(`${f}.`)));
  return { ok: false, issues: [...local, ...schema] };
}

/** The issues that belong to one field (its own path or anything below it). */
export function issuesAt(issues: readonly SpecIssue[], field: string): SpecIssue[] {
  return issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`));
}

const str = (fallback: string) => z.string().catch(fallback);
const bool = (fallback: boolean) => z.boolean().catch(fallback);
const strings = z.array(z.string()).catch([]);

/**
 * Reads a stored draft (localStorage) back, filling anything missing or malformed from `base`.
 * Never throws; the schema still judges every value afterwards.
 */
export function restoreDraft(raw: unknown, base: Draft): Draft {
  const schema = z.object({
    python: str(base.python),
    base: str(base.base),
    finalBase: str(base.finalBase),
    strategy: str(base.strategy),
    dependencySource: str(base.dependencySource),
    packages: z.array(RequirementSchema).catch(base.packages),
    buildFromSource: bool(base.buildFromSource),
    systemPackages: z.object({ build: strings, runtime: strings, omit: strings }).catch(base.systemPackages),
    copy: str(base.copy),
    workdir: str(base.workdir),
    command: str(base.command),
    port: str(base.port),
    user: z.object({ enabled: bool(base.user.enabled), name: str(base.user.name), uid: str(base.user.uid) }).catch(base.user),
    healthcheck: z.object({ enabled: bool(base.healthcheck.enabled), path: str(base.healthcheck.path) }).catch(base.healthcheck),
    env: z.array(z.object({ name: z.string(), value: z.string() })).catch(base.env),
    pythonDontWriteBytecode: bool(base.pythonDontWriteBytecode),
    pythonUnbuffered: bool(base.pythonUnbuffered),
    cacheMounts: bool(base.cacheMounts),
    platform: str(base.platform),
    pasteText: str(""),
  });
  const r = schema.safeParse(raw);
  return r.success ? r.data : base;
}
