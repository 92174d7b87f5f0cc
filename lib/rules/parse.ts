/**
 * A Dockerfile's text → the rules' model (model.ts), parsed with dockerfile-ast. Hostile input: the text is capped
 * (MAX_DOCKERFILE_BYTES, MAX_DOCKERFILE_LINES) before parsing and every step after is one pass over it.
 */
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import type { DockerfileModel, ModelInstruction } from "./model";

export const MAX_DOCKERFILE_BYTES = 256 * 1024;
export const MAX_DOCKERFILE_LINES = 10_000;

export class DockerfileTooLarge extends Error {}

function execForm(text: string): string[] | null {
  const t = text.trim();
  if (!t.startsWith("[")) return null;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
  } catch {
    return null;
  }
}

function toModel(i: Instruction): ModelInstruction {
  const keyword = i.getKeyword().toUpperCase();
  const text = i.getArgumentsContent() ?? "";
  const withFlags = i as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  const flags = typeof withFlags.getFlags === "function" ? withFlags.getFlags().map((f) => ({ name: f.getName().toLowerCase(), value: f.getValue() ?? "" })) : [];
  let argv: string[] | null = null;
  if (keyword === "CMD" || keyword === "ENTRYPOINT") argv = execForm(text);
  else if (keyword === "HEALTHCHECK") {
    const m = /(?:^|\s)CMD\s+(.*)$/is.exec(text);
    argv = m ? execForm(m[1]) : null;
  }
  return { keyword, line: i.getRange().start.line + 1, text, words: i.getArguments().map((a) => a.getValue()), flags, argv };
}

export function parseDockerfile(text: string): DockerfileModel {
  if (text.length > MAX_DOCKERFILE_BYTES) throw new DockerfileTooLarge(`the Dockerfile is larger than ${MAX_DOCKERFILE_BYTES / 1024} KB`);
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10 && ++lines > MAX_DOCKERFILE_LINES) throw new DockerfileTooLarge(`the Dockerfile has more than ${MAX_DOCKERFILE_LINES} lines`);
  const parsed = DockerfileParser.parse(text);
  const model: DockerfileModel = { globalArgs: [], stages: [] };
  for (const instruction of parsed.getInstructions()) {
    const m = toModel(instruction);
    if (m.keyword === "FROM") {
      const words = m.words.filter((w) => !w.startsWith("--"));
      const as = words.findIndex((w) => w.toUpperCase() === "AS");
      model.stages.push({ index: model.stages.length, from: m, image: words[0] ?? "", name: as >= 0 ? (words[as + 1] ?? null) : null, instructions: [] });
    } else if (model.stages.length === 0) {
      if (m.keyword === "ARG") model.globalArgs.push(m);
    } else model.stages[model.stages.length - 1].instructions.push(m);
  }
  return model;
}

