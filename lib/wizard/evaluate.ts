/**
 * The wizard's questions to the schema (lib/spec.ts, zod): is this draft a valid spec, and may this system
 * package be added. Part of the engine (lib/engine.ts), which the page loads after it is interactive.
 */
import { parseSpec, type BuildSpec, type SpecIssue } from "../spec";
import { draftToInput, type Draft } from "./draft";
import type { Stage } from "./edits";

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

/**
 * Why `name` cannot be added to `stage` of `spec`, or null. The schema decides (grammar per
 * distribution family, list limits); the page only asks.
 */
export function systemPackageProblem(spec: BuildSpec, stage: Stage, name: string): string | null {
  if (name === "") return "type a package name";
  if (spec.systemPackages[stage].includes(name)) return `${name} is already in the list`;
  const list = [...spec.systemPackages[stage], name];
  const r = parseSpec({ ...spec, systemPackages: { ...spec.systemPackages, [stage]: list } });
  if (r.ok) return null;
  const prefix = `systemPackages.${stage}`;
  const own = r.issues.find((i) => i.field === `${prefix}.${list.length - 1}`) ?? r.issues.find((i) => i.field.startsWith(prefix));
  return own?.message ?? r.issues[0].message;
}
