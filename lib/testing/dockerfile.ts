/**
 * Test helpers: parse generated Dockerfiles with the Docker language server's own parser
 * (dockerfile-ast) and validator (dockerfile-utils), so tests check real structure, not strings.
 */
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";

export interface ParsedInstruction {
  keyword: string;
  args: string[];
  text: string;
  line: number;
}

export interface ParsedStage {
  from: string;
  name: string | null;
  instructions: ParsedInstruction[];
}

export function parseDockerfile(text: string) {
  const df = DockerfileParser.parse(text);
  const stages: ParsedStage[] = [];
  const all: ParsedInstruction[] = [];
  for (const ins of df.getInstructions()) {
    const range = ins.getRange();
    const parsed: ParsedInstruction = {
      keyword: ins.getKeyword(),
      args: ins.getArguments().map((a) => a.getValue()),
      text: ins.getTextContent(),
      line: range.start.line,
    };
    all.push(parsed);
    if (parsed.keyword === "FROM") {
      const asIndex = parsed.args.findIndex((a) => a.toUpperCase() === "AS");
      stages.push({ from: parsed.args[0], name: asIndex >= 0 ? parsed.args[asIndex + 1] : null, instructions: [] });
    } else if (stages.length) stages[stages.length - 1].instructions.push(parsed);
  }
  return { dockerfile: df, stages, instructions: all, directives: df.getDirectives().map((d) => `${d.getName()}=${d.getValue()}`) };
}

export function diagnostics(text: string) {
  return validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
}

/** The packages an `apt-get install` / `apk add` in this stage installs. */
export function installedPackages(stage: ParsedStage): string[] {
  const out: string[] = [];
  for (const ins of stage.instructions) {
    if (ins.keyword !== "RUN") continue;
    for (const m of ins.text.matchAll(/(?:apt-get install -y --no-install-recommends|apk add --no-cache)((?:\s*\\?\s*\n?\s*[a-z0-9][a-z0-9+._-]*)+)/g)) {
      out.push(...m[1].replace(/\\/g, " ").split(/\s+/).filter(Boolean));
    }
  }
  return out;
}
