/**
 * Typed Dockerfile instructions and their printer. All quoting happens here, once per
 * instruction kind; nothing else in the renderer builds Dockerfile syntax by hand.
 *
 * Defence in depth: the spec already refuses unsafe values, but the printer checks again and
 * throws rather than print a value that could start a new line or a new shell command.
 */

export interface Mount {
  type: "cache" | "bind";
  target: string;
  source?: string;
  from?: string;
  sharing?: "locked" | "shared" | "private";
}

/** A shell command: fixed words, then optional items printed one per line (package lists). */
export interface ShellCommand {
  words: string[];
  items?: string[];
}

export type Instruction =
  | { kind: "syntax" }
  | { kind: "comment"; lines: string[] }
  | { kind: "blank" }
  | { kind: "from"; image: string; as: string }
  | { kind: "env"; vars: { name: string; value: string; expand?: boolean }[] }
  | { kind: "workdir"; path: string }
  | { kind: "copy"; from?: string; sources: string[]; dest: string }
  | { kind: "run"; mounts?: Mount[]; commands: ShellCommand[] }
  | { kind: "user"; user: string }
  | { kind: "expose"; port: number }
  | { kind: "healthcheck"; interval: string; timeout: string; startPeriod: string; retries: number; argv: string[] }
  | { kind: "cmd"; argv: string[] };

const INDENT = "    ";
/** Shell words we print bare: no spaces, quotes, $, `, ;, &, |, <, >, (, ), #, or newlines. */
const BARE_WORD = /^[A-Za-z0-9_@%+=:,./*^~[\]-]+$/;
/** Image references, stage names, paths in COPY/WORKDIR. */
const REF = /^[A-Za-z0-9_@%+=:,./-]+$/;
// eslint-disable-next-line no-control-regex
const LINE_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function check(re: RegExp, value: string, what: string): string {
  if (!re.test(value)) throw new Error(`refusing to print unsafe ${what}: ${JSON.stringify(value)}`);
  return value;
}

/** Shell quoting for the rare word that is not bare: single quotes, ' escaped as '\''. */
export function shellWord(word: string): string {
  if (LINE_BREAKERS.test(word)) throw new Error(`refusing to print a shell word with a line break: ${JSON.stringify(word)}`);
  if (BARE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A value for ENV: double-quoted. Inside double quotes the Dockerfile lexer treats only \ " and $
 * as escapable, so those are escaped ($ too, unless the value is ours and expands, like PATH).
 */
export function envValue(value: string, expand = false): string {
  if (LINE_BREAKERS.test(value)) throw new Error(`refusing to print an ENV value with a line break: ${JSON.stringify(value)}`);
  const escaped = expand ? value.replace(/["\\]/g, (c) => `\\${c}`) : value.replace(/["\\$]/g, (c) => `\\${c}`);
  return `"${escaped}"`;
}

/** Exec form: a JSON array of strings. JSON escaping is what the Dockerfile parser reads. */
export function execForm(argv: string[]): string {
  for (const a of argv) if (LINE_BREAKERS.test(a)) throw new Error(`refusing to print an argument with a line break: ${JSON.stringify(a)}`);
  return `[${argv.map((a) => JSON.stringify(a)).join(", ")}]`;
}

function mountFlag(m: Mount): string {
  const parts = [`type=${m.type}`];
  if (m.from) parts.push(`from=${check(REF, m.from, "mount source stage")}`);
  if (m.source) parts.push(`source=${check(REF, m.source, "mount source")}`);
  parts.push(`target=${check(REF, m.target, "mount target")}`);
  if (m.sharing) parts.push(`sharing=${m.sharing}`);
  return `--mount=${parts.join(",")}`;
}

function printCommand(c: ShellCommand): string {
  const head = c.words.map(shellWord).join(" ");
  if (!c.items || c.items.length === 0) return head;
  return [`${head} \\`, ...c.items.map((item, i) => `${INDENT}${INDENT}${shellWord(item)}${i < c.items!.length - 1 ? " \\" : ""}`)].join("\n");
}

function printRun(mounts: Mount[], commands: ShellCommand[]): string {
  const lines: string[] = [];
  const flags = mounts.map(mountFlag);
  const body = commands.map(printCommand);
  if (flags.length === 0) {
    lines.push(`RUN ${body[0]}`);
  } else {
    lines.push(`RUN ${flags[0]}${flags.length > 1 || body.length > 0 ? " \\" : ""}`);
    for (const f of flags.slice(1)) lines.push(`${INDENT}${f} \\`);
    lines.push(`${INDENT}${body[0]}`);
  }
  for (const b of body.slice(1)) {
    lines[lines.length - 1] += " \\";
    lines.push(`${INDENT}&& ${b}`);
  }
  return lines.join("\n");
}

export function printInstruction(ins: Instruction): string {
  switch (ins.kind) {
    case "syntax":
      return "# syntax=docker/dockerfile:1";
    case "blank":
      return "";
    case "comment":
      return ins.lines
        .map((l) => {
          if (LINE_BREAKERS.test(l)) throw new Error(`refusing to print a comment with a line break: ${JSON.stringify(l)}`);
          return l === "" ? "#" : `# ${l}`;
        })
        .join("\n");
    case "from":
      return `FROM ${check(REF, ins.image, "image")} AS ${check(/^[a-z][a-z0-9_-]*$/, ins.as, "stage name")}`;
    case "env": {
      const pairs = ins.vars.map((v) => `${check(/^[A-Za-z_][A-Za-z0-9_]*$/, v.name, "ENV name")}=${envValue(v.value, v.expand)}`);
      return `ENV ${pairs.join(` \\\n${INDENT}`)}`;
    }
    case "workdir":
      return `WORKDIR ${check(REF, ins.path, "WORKDIR path")}`;
    case "copy": {
      const from = ins.from ? `--from=${check(REF, ins.from, "COPY source stage")} ` : "";
      const args = [...ins.sources, ins.dest].map((p) => check(REF, p, "COPY path"));
      return `COPY ${from}${args.join(" ")}`;
    }
    case "run":
      return printRun(ins.mounts ?? [], ins.commands);
    case "user":
      return `USER ${check(/^[a-z0-9_:-]+$/, ins.user, "USER")}`;
    case "expose":
      if (!Number.isInteger(ins.port) || ins.port < 1 || ins.port > 65535) throw new Error(`refusing to print port ${ins.port}`);
      return `EXPOSE ${ins.port}`;
    case "healthcheck":
      return `HEALTHCHECK --interval=${ins.interval} --timeout=${ins.timeout} --start-period=${ins.startPeriod} --retries=${ins.retries} \\\n${INDENT}CMD ${execForm(ins.argv)}`;
    case "cmd":
      return `CMD ${execForm(ins.argv)}`;
  }
}

/** Why a range of lines is there (1-based, inclusive), for hover/selection in the UI. */
export interface LineNote {
  from: number;
  to: number;
  note: string;
}

/** An instruction with the reason it exists, shown when the user hovers or selects its lines. */
export type Annotated = Instruction & { why?: string };

/**
 * Prints instructions, collapsing runs of blank lines, with exactly one trailing newline, and
 * returns the line range of every instruction that carries a `why`.
 */
export function printAnnotated(instructions: Annotated[]): { text: string; notes: LineNote[] } {
  const out: string[] = [];
  const notes: LineNote[] = [];
  let line = 1;
  for (const ins of instructions) {
    if (ins.kind === "blank" && (out.length === 0 || out[out.length - 1] === "")) continue;
    const text = printInstruction(ins);
    let count = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
    if (ins.why) notes.push({ from: line, to: line + count - 1, note: ins.why });
    out.push(text);
    line += count;
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return { text: out.join("\n") + "\n", notes };
}

export function printDockerfile(instructions: Instruction[]): string {
  return printAnnotated(instructions).text;
}
