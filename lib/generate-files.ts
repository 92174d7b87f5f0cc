/**
 * spec → plan → text, without the weight estimate (lib/generate.ts adds it). The page runs this on every
 * keystroke and loads the estimate's Debian data separately, after the page is interactive.
 */
import { renderDockerfileWithNotes } from "./render/dockerfile";
import type { LineNote } from "./render/instructions";
import { renderDockerignore } from "./render/dockerignore";
import { renderRequirements } from "./render/requirements";
import { CURATED, type Knowledge } from "./knowledge/facts";
import { resolve, type Plan, type PlanWarning } from "./resolve";
import type { BuildSpec } from "./spec";

export interface GeneratedFiles {
  plan: Plan;
  dockerfile: string;
  /** Why each annotated range of Dockerfile lines is there (1-based, inclusive). */
  lineNotes: LineNote[];
  dockerignore: string;
  /** requirements.txt for the packages as typed (empty when there are none). */
  requirements: string;
  warnings: PlanWarning[];
}

/** `knowledge`: what is known at hand (the server has all of Debian's derived facts, the page the shards it has loaded). */
export function generateFiles(spec: BuildSpec, knowledge: Knowledge = CURATED): GeneratedFiles {
  const plan = resolve(spec, knowledge);
  const { text, notes } = renderDockerfileWithNotes(plan);
  return {
    plan,
    dockerfile: text,
    lineNotes: notes,
    dockerignore: renderDockerignore(plan),
    requirements: renderRequirements(spec.packages),
    warnings: plan.warnings,
  };
}
