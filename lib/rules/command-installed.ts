import { normalizeName } from "../knowledge/names";
import type { Plan } from "../resolve";
import { CONSOLE_SCRIPTS, IMAGE_PROGRAMS, PROVIDED_BY } from "./console-scripts";
import { finalStage } from "./model";
import { finalCommand, programOf } from "./stages";
import type { Rule } from "./types";

/** The package that installs `program`, when it is a console script we know. */
function providerOf(program: string, scripts?: ReadonlyMap<string, string>): string | undefined {
  // Own keys only: a command named "constructor" or "toString" must not find Object.prototype's members.
  return (Object.hasOwn(CONSOLE_SCRIPTS, program) ? CONSOLE_SCRIPTS[program] : undefined) ?? scripts?.get(program);
}

function missing(program: string, packages: ReadonlySet<string>, scripts?: ReadonlyMap<string, string>): string | null {
  if (IMAGE_PROGRAMS.has(program) || /^python\d(\.\d+)?$/.test(program)) return null;
  const provider = providerOf(program, scripts);
  if (!provider) return null;
  const n = normalizeName(provider);
  if (packages.has(n) || ((Object.hasOwn(PROVIDED_BY, n) ? PROVIDED_BY[n] : undefined) ?? []).some((p) => packages.has(p))) return null;
  return `The command runs ${program}, but no installed package provides it: add ${provider} to the requirements, or change the command.`;
}

export const commandInstalled: Rule = {
  id: "command-installed",
  severity: "error",
  title: "The command's program is installed (a package providing it, or the image).",
  refs: {},
  dockerfile({ file, packages, scripts }) {
    const stage = finalStage(file);
    const cmd = stage && finalCommand(stage);
    const run = cmd && programOf(cmd);
    if (!run || !packages) return [];
    const message = missing(run.program, packages, scripts);
    return message ? [{ line: cmd!.line, message }] : [];
  },
  plan(plan: Plan) {
    const program = plan.app.command[0];
    if (!program) return [];
    const message = missing(program.slice(program.lastIndexOf("/") + 1), new Set(plan.spec.packages.map((r) => normalizeName(r.name))));
    return message ? [{ line: 0, message }] : [];
  },
};
