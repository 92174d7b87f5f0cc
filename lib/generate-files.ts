/**
 * spec → plan → text, without the weight estimate (lib/generate.ts adds it). The page runs this on every
 * keystroke and loads the estimate's Debian data separately, after the page is interactive.
 */
import { renderDockerfile } from "./render/dockerfile";
import type { Highlight, LineNote } from "./render/printed";
import { renderDockerignore } from "./render/dockerignore";
import { pinnedPackages } from "./plan/pins";
import { renderRequirements } from "./render/requirements";
import type { Knowledge } from "./knowledge/facts";
import { resolve, type Plan, type PlanWarning } from "./resolve";
import type { BuildSpec } from "./spec";

export interface GeneratedFiles {
  plan: Plan;
  dockerfile: string;
  /** How to highlight the Dockerfile, from its printer. */
  dockerfileHighlight: Highlight;
  /** Why each annotated range of Dockerfile lines is there (1-based, inclusive). */
  lineNotes: LineNote[];
  dockerignore: string;
  /** requirements.txt for the packages as typed (empty when there are none). */
  requirements: string;
  warnings: PlanWarning[];
}

/** `knowledge`: what is known at hand (the server has all of Debian's derived facts, the page the shards it has loaded). */
export function generateFiles(spec: BuildSpec, knowledge: Knowledge): GeneratedFiles {
  const plan = resolve(spec, knowledge);
  const { text, highlight, notes } = renderDockerfile(plan);
  return {
    plan,
    dockerfile: text,
    dockerfileHighlight: highlight,
    lineNotes: notes,
    dockerignore: renderDockerignore(plan),
    requirements: renderRequirements(pinnedPackages(plan)),
    warnings: plan.warnings,
  };
}
