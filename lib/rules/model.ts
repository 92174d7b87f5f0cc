/**
 * A Dockerfile's text → the model the rules read: the ARGs before the first FROM, and per stage its FROM and its
 * instructions with 1-based line numbers, arguments, flags and, for CMD/ENTRYPOINT/HEALTHCHECK, the exec-form
 * argv. Parsed with dockerfile-ast. Hostile input: the text is capped (MAX_DOCKERFILE_BYTES) before parsing and
 * every step after is one pass over it.
 */
import { DockerfileParser, type Instruction } from "dockerfile-ast";

export const MAX_DOCKERFILE_BYTES = 256 * 1024;
export const MAX_DOCKERFILE_LINES = 10_000;

export interface ModelInstruction {
  keyword: string;
  line: number;
  /** The arguments as one string, continuation lines joined (flags excluded). */
  text: string;
  words: string[];
  /** --name=value flags (COPY --from, --chown, --chmod; RUN --mount), value "" when bare. */
  flags: { name: string; value: string }[];
  /** Exec form (a JSON array) argv, or null for shell form / not applicable. */
  argv: string[] | null;
}

export interface Stage {
  index: number;
  from: ModelInstruction;
  /** The image reference as written, e.g. "python:3.12-slim-bookworm". */
  image: string;
  name: string | null;
  instructions: ModelInstruction[];
}

export interface DockerfileModel {
  /** ARG instructions before the first FROM. */
  globalArgs: ModelInstruction[];
  stages: Stage[];
}

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

/** The stage a name or index refers to (COPY --from=builder, --from=0), if it is one of the file's stages. */
export function stageNamed(model: DockerfileModel, ref: string): Stage | undefined {
  return model.stages.find((s) => s.name !== null && s.name.toLowerCase() === ref.toLowerCase()) ?? (/^\d+$/.test(ref) ? model.stages[Number(ref)] : undefined);
}

export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

export function flag(i: ModelInstruction, name: string): string | undefined {
  return i.flags.find((f) => f.name === name)?.value;
}

/** A Python image reference, split: "python:3.12-slim-bookworm" → version 3.12, variant slim-bookworm. */
export function pythonImage(image: string): { version: string | null; variant: string | null; tag: string | null } | null {
  const m = /^(?:(?:docker\.io\/)?library\/|docker\.io\/)?python(?::([^@\s]+))?(?:@\S+)?$/.exec(image);
  if (!m) return null;
  const tag = m[1] ?? null;
  const t = tag ? /^(\d+(?:\.\d+){0,2})(?:[a-z]+\d*)?(?:-(.+))?$/.exec(tag) : null;
  return { tag, version: t ? t[1].split(".").slice(0, 2).join(".") : null, variant: t ? (t[2] ?? null) : tag };
}

/** The shell commands of a RUN (split on && ; || |), each as words. Quotes are not interpreted: enough to find programs. */
export function shellCommands(text: string): string[][] {
  return text
    .split(/&&|\|\||[;|]/)
    .map((c) => c.trim().split(/\s+/).filter(Boolean))
    .filter((c) => c.length > 0);
}
