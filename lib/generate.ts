/**
 * The whole pipeline in one call: spec → plan → text. Every face (page, CLI, HTTP route) uses this,
 * so the same spec gives byte-identical output everywhere.
 */
import { estimate, type Estimate } from "./estimate";
import { generateFiles, type GeneratedFiles } from "./generate-files";
import { fullKnowledge } from "./knowledge/derived/full";
import type { Knowledge } from "./knowledge/facts";
import type { Plan } from "./resolve";
import type { BuildSpec } from "./spec";

export interface Generated extends GeneratedFiles {
  /** What multi-stage keeps out of the final image, from Debian's package data (lib/estimate.ts). */
  estimate: Estimate;
}

/** With the whole derived layer by default: the server and the CLI answer with everything that is known. */
export function generate(spec: BuildSpec, knowledge: Knowledge = fullKnowledge): Generated {
  const files = generateFiles(spec, knowledge);
  return { ...files, estimate: estimate(files.plan) };
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
