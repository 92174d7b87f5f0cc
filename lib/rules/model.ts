/**
 * The model of a Dockerfile the rules read (parse.ts makes it from text): the ARGs before the first FROM, and per
 * stage its FROM and its instructions with 1-based line numbers, arguments, flags and, for CMD/ENTRYPOINT/
 * HEALTHCHECK, the exec-form argv; and helpers over it. No parser here, so the plan's checks carry none.
 */

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
