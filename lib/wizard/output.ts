/**
 * What the page shows of the generated output: the files, the warnings and, of the plan, the two stages and
 * how each package installs. `GeneratedFiles` (lib/generate-files.ts) is one.
 *
 * The server hands the first one to the page (which renders it before the engine has loaded) trimmed to just this,
 * and without the .dockerignore: that depends only on two fields of the spec, so the page renders it itself
 * (lib/render/dockerignore.ts needs no knowledge), and its text stays out of the HTML.
 */
import type { GeneratedFiles } from "../generate-files";
import { renderDockerignore } from "../render/dockerignore";
import type { Plan, ResolvedRequirement } from "../resolve";
import type { BuildSpec } from "../spec";

export type PackageView = Pick<ResolvedRequirement, "requirement" | "name" | "install" | "detail" | "derived" | "carries">;

export interface PlanView extends Pick<Plan, "builder" | "final"> {
  packages: PackageView[];
}

export interface OutputView extends Omit<GeneratedFiles, "plan"> {
  plan: PlanView;
}

/** What the server sends of an output. */
export type ServedOutput = Omit<OutputView, "dockerignore">;

export function toServedOutput(g: GeneratedFiles): ServedOutput {
  const { plan, dockerfile, dockerfileHighlight, lineNotes, requirements, warnings } = g;
  return {
    plan: {
      builder: plan.builder,
      final: plan.final,
      packages: plan.packages.map(({ requirement, name, install, detail, derived, carries }) => ({
        requirement,
        name,
        install,
        detail,
        ...(derived ? { derived } : {}),
        ...(carries ? { carries } : {}),
      })),
    },
    dockerfile,
    dockerfileHighlight,
    lineNotes,
    requirements,
    warnings,
  };
}

/** The served output of `spec`, completed on the page. */
export function fromServedOutput(served: ServedOutput, spec: BuildSpec): OutputView {
  return { ...served, dockerignore: renderDockerignore({ spec }) };
}
