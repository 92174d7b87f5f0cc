/**
 * The whole pipeline in one call: spec → plan → text. Every face (page, CLI, HTTP route) uses this,
 * so the same spec gives byte-identical output everywhere.
 */
import { estimate, type Estimate } from "./estimate";
import { renderDockerfileWithNotes } from "./render/dockerfile";
import type { LineNote } from "./render/instructions";
import { renderDockerignore } from "./render/dockerignore";
import { renderRequirements } from "./render/requirements";
import { resolve, type Plan, type PlanWarning } from "./resolve";
import type { BuildSpec } from "./spec";

export interface Generated {
  plan: Plan;
  dockerfile: string;
  /** Why each annotated range of Dockerfile lines is there (1-based, inclusive). */
  lineNotes: LineNote[];
  dockerignore: string;
  /** requirements.txt for the packages as typed (empty when there are none). */
  requirements: string;
  warnings: PlanWarning[];
  /** What multi-stage keeps out of the final image, from Debian's package data (lib/estimate.ts). */
  estimate: Estimate;
}

export function generate(spec: BuildSpec): Generated {
  const plan = resolve(spec);
  const { text, notes } = renderDockerfileWithNotes(plan);
  return {
    plan,
    dockerfile: text,
    lineNotes: notes,
    dockerignore: renderDockerignore(plan),
    requirements: renderRequirements(spec.packages),
    warnings: plan.warnings,
    estimate: estimate(plan),
  };
}

/** The stable JSON contract of `wheelwright render --format json` and `/api/dockerfile?format=json`. */
export function toJson(g: Generated) {
  const stage = (s: Plan["builder"]) => ({
    name: s.name,
    image: s.image,
    systemPackages: s.systemPackages.map((p) => ({ name: p.name, reasons: p.reasons })),
  });
  return {
    dockerfile: g.dockerfile,
    dockerignore: g.dockerignore,
    stages: [stage(g.plan.builder), stage(g.plan.final)],
    packages: g.plan.packages.map((p) => ({ name: p.name, install: p.install, detail: p.detail })),
    warnings: g.warnings,
    estimate: g.estimate,
  };
}
