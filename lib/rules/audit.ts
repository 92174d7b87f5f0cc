/**
 * Run the rules: over a Dockerfile's text (auditDockerfile), or over a Plan (auditPlan: its rules' plan checks and
 * the rendered Dockerfile's checks, with the spec's packages). Findings sorted by line, then rule order.
 */
import { normalizeName } from "../knowledge/names";
import { renderDockerfile } from "../render/dockerfile";
import type { Plan } from "../resolve";
import { RULES } from "./index";
import { pythonInstalls, requirementName } from "./installs";
import { parseDockerfile } from "./parse";
import type { AuditInput, Finding, Rule } from "./types";

export interface AuditOptions {
  /** requirements.txt text: the packages the image installs (lines of names; options and comments skipped). */
  requirements?: string;
  scripts?: ReadonlyMap<string, string>;
  rules?: readonly Rule[];
}

/** The package names of a requirements file (each line's name; -r/-c/--options, URLs and comments skipped). */
export function requirementNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line || line.startsWith("-")) continue;
    const n = requirementName(line);
    if (n) out.add(n);
  }
  return out;
}

function sorted(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const order = new Map(rules.map((r, i) => [r.id, i]));
  return findings.sort((a, b) => a.line - b.line || order.get(a.rule)! - order.get(b.rule)!);
}

function run(rules: readonly Rule[], input: AuditInput): Finding[] {
  return rules.flatMap((r) => (r.dockerfile ? r.dockerfile(input).map((h) => ({ rule: r.id, severity: r.severity, line: h.line, message: h.message })) : []));
}

export function auditDockerfile(text: string, options: AuditOptions = {}): Finding[] {
  const rules = options.rules ?? RULES;
  const file = parseDockerfile(text);
  const installs = pythonInstalls(file);
  const packages = options.requirements !== undefined ? new Set([...requirementNames(options.requirements), ...installs.names]) : installs.fromFile ? null : installs.names;
  return sorted(run(rules, { file, packages, scripts: options.scripts }), rules);
}

/** The plan's own checks (line 0; the same ones resolve() lists as warnings), then the rendered file's, each rule's finding once. */
export function auditPlan(plan: Plan, rules: readonly Rule[] = RULES): Finding[] {
  const own = rules.flatMap((r) => (r.plan ? r.plan(plan).map((h) => ({ rule: r.id, severity: r.severity, line: h.line, message: h.message })) : []));
  const file = parseDockerfile(renderDockerfile(plan).text);
  const packages = new Set(plan.spec.packages.map((p) => normalizeName(p.name)));
  const rendered = run(rules.filter((r) => !r.plan), { file, packages });
  return sorted([...own, ...rendered], rules);
}
