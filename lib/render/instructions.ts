/**
 * Typed Dockerfile instructions and their printer. All quoting happens here, once per
 * instruction kind; nothing else in the renderer builds Dockerfile syntax by hand. The printer
 * knows what every piece it prints is (keyword, flag, quoted string), so it hands out the
 * highlighting tokens with the text: the preview never has to read the text back.
 *
 * Defence in depth: the spec already refuses unsafe values, but the printer checks again and
 * throws rather than print a value that could start a new line or a new shell command.
 */

import { TOKEN_KINDS, type LineNote, type Printed, type TokenKind } from "./printed";

export interface Mount {
  type: "cache" | "bind";
  target: string;
  source?: string;
  from?: string;
  /** A bind mount the RUN may write to (the writes are discarded): a project built in its own tree. */
  rw?: boolean;
}

/** A shell command: fixed words, then optional items printed one per line (package lists). */
export interface ShellCommand {
  words: string[];
  items?: string[];
  /** Its words are file patterns the shell is meant to expand (ours, like /wheels/*.whl); any other word is quoted if it has * ? [ ]. */
  glob?: boolean;
  /** A file the command's standard output goes to (printed as "> FILE"). */
  stdout?: string;
}

/** An instruction, with the reason it exists (shown when the user hovers or selects its lines). */
export type Instruction = { why?: string } & (
  | { kind: "syntax" }
  | { kind: "comment"; lines: string[] }
  | { kind: "blank" }
  | { kind: "from"; image: string; as: string }
  | { kind: "env"; vars: { name: string; value: string; expand?: boolean }[] }
  | { kind: "workdir"; path: string }
  | { kind: "copy"; from?: string; sources: string[]; dest: string }
  | { kind: "run"; mounts?: Mount[]; commands: ShellCommand[] }
  /** RUN words <<'DELIMITER', then the body's lines verbatim (the quoted delimiter: no expansion), then DELIMITER. */
  | { kind: "run-heredoc"; words: string[]; delimiter: string; body: string[] }
  | { kind: "user"; user: string }
  | { kind: "expose"; port: number }
  | { kind: "healthcheck"; interval: string; timeout: string; startPeriod: string; retries: number; argv: string[] }
  | { kind: "cmd"; argv: string[] }
);

const INDENT = "    ";
/**
 * Shell words we print bare: no spaces, quotes, $, `, ;, &, |, <, >, (, ), #, or newlines; no pattern characters
 * (* ? [ ]: /src[a,b] would be a glob) and no leading ~ (tilde expansion).
 */
const BARE_WORD = /^(?!~)[A-Za-z0-9_@%+=:,./^~-]+$/;
/** A word of a command whose words are file patterns on purpose (ShellCommand.glob). */
const GLOB_WORD = /^[A-Za-z0-9_@%+=:,./*[\]-]+$/;
/** Image references, stage names, paths in COPY/WORKDIR. */
const REF = /^[A-Za-z0-9_@%+=:,./-]+$/;
// eslint-disable-next-line no-control-regex
const LINE_BREAKERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function check(re: RegExp, value: string, what: string): string {
  if (!re.test(value)) throw new Error(`refusing to print unsafe ${what}: ${JSON.stringify(value)}`);
  return value;
}

/** Shell quoting for the rare word that is not bare: single quotes, ' escaped as '\''. */
function shellWord(word: string, glob = false): string {
  if (LINE_BREAKERS.test(word)) throw new Error(`refusing to print a shell word with a line break: ${JSON.stringify(word)}`);
  if (BARE_WORD.test(word) || (glob && GLOB_WORD.test(word))) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A value for ENV: double-quoted. Inside double quotes the Dockerfile lexer treats only \ " and $
 * as escapable, so those are escaped ($ too, unless the value is ours and expands, like PATH).
 */
function envValue(value: string, expand = false): string {
  if (LINE_BREAKERS.test(value)) throw new Error(`refusing to print an ENV value with a line break: ${JSON.stringify(value)}`);
  const escaped = expand ? value.replace(/["\\]/g, (c) => `\\${c}`) : value.replace(/["\\$]/g, (c) => `\\${c}`);
  return `"${escaped}"`;
}

/** Exec form's arguments: JSON strings (JSON escaping is what the Dockerfile parser reads). */
function execFormArgs(argv: string[]): string[] {
  for (const a of argv) if (LINE_BREAKERS.test(a)) throw new Error(`refusing to print an argument with a line break: ${JSON.stringify(a)}`);
  return argv.map((a) => JSON.stringify(a));
}

function mountFlag(m: Mount): string {
  const parts = [`type=${m.type}`];
  if (m.from) parts.push(`from=${check(REF, m.from, "mount source stage")}`);
  if (m.source) parts.push(`source=${check(REF, m.source, "mount source")}`);
  parts.push(`target=${check(REF, m.target, "mount target")}`);
  if (m.rw) parts.push("rw");
  return `--mount=${parts.join(",")}`;
}

/**
 * The printed text and its highlight (lib/render/printed.ts), built together in one pass. A token is merged into
 * the one before it on the same line when both are of the same kind.
 */
class Lines {
  out = "";
  readonly highlight: number[] = [];
  /** Lines printed so far, counting the current one. */
  count = 1;
  private lastKind = -1;
  add(kind: TokenKind, text: string): this {
    if (text === "") return this;
    this.out += text;
    const k = TOKEN_KINDS.indexOf(kind);
    if (k === this.lastKind) this.highlight[this.highlight.length - 1] += text.length;
    else this.highlight.push((this.lastKind = k), text.length);
    return this;
  }
  text(text: string): this {
    return this.add("text", text);
  }
  /** A word printed as is: a flag when it starts like one ("--x"), otherwise plain text. */
  word(word: string): this {
    return this.add(isFlag(word) ? "flag" : "text", word);
  }
  /** A shell word: quoted when it must be (a string), otherwise as is; `glob`: patterns in it stay bare. */
  shell(word: string, glob = false): this {
    const printed = shellWord(word, glob);
    return printed === word ? this.word(printed) : this.add("string", printed);
  }
  newLine(): this {
    this.out += "\n";
    this.count += 1;
    this.lastKind = -1;
    return this;
  }
  /** Ends the line with a continuation and starts the next one. */
  continue(indent: string): this {
    return this.text(" \\").newLine().text(indent);
  }
  words(words: string[], print: (w: string) => this = (w) => this.word(w)): this {
    for (let i = 0; i < words.length; i++) {
      if (i > 0) this.text(" ");
      print(words[i]);
    }
    return this;
  }
}

/** "--" and a letter: what a reader (and the preview's tokenizer) takes for a flag. */
function isFlag(word: string): boolean {
  const c = word.charCodeAt(2) | 0x20;
  return word.charCodeAt(0) === 45 && word.charCodeAt(1) === 45 && c >= 97 && c <= 122;
}

function printCommand(out: Lines, c: ShellCommand): void {
  out.words(c.words, (w) => out.shell(w, c.glob));
  const items = c.items ?? [];
  items.forEach((item) => {
    out.continue(INDENT + INDENT);
    out.shell(item);
  });
  if (c.stdout !== undefined) out.text(" > ").word(check(REF, c.stdout, "output file"));
}

function printRun(out: Lines, mounts: Mount[], commands: ShellCommand[]): void {
  out.add("keyword", "RUN").text(" ");
  mounts.forEach((m, i) => {
    if (i > 0) out.text(INDENT);
    out.add("flag", mountFlag(m));
    out.continue("");
  });
  commands.forEach((c, i) => {
    if (i > 0) out.continue(INDENT).text("&& ");
    else if (mounts.length > 0) out.text(INDENT);
    printCommand(out, c);
  });
}

function print(out: Lines, ins: Instruction): void {
  switch (ins.kind) {
    case "syntax":
      out.add("comment", "# syntax=docker/dockerfile:1");
      return;
    case "blank":
      return;
    case "comment":
      ins.lines.forEach((l, i) => {
        if (LINE_BREAKERS.test(l)) throw new Error(`refusing to print a comment with a line break: ${JSON.stringify(l)}`);
        if (i > 0) out.newLine();
        out.add("comment", l === "" ? "#" : `# ${l}`);
      });
      return;
    case "from":
      out.add("keyword", "FROM").text(" ").word(check(REF, ins.image, "image")).text(" AS ").word(check(/^[a-z][a-z0-9_-]*$/, ins.as, "stage name"));
      return;
    case "env":
      out.add("keyword", "ENV").text(" ");
      ins.vars.forEach((v, i) => {
        if (i > 0) out.continue(INDENT);
        out.text(`${check(/^[A-Za-z_][A-Za-z0-9_]*$/, v.name, "ENV name")}=`).add("string", envValue(v.value, v.expand));
      });
      return;
    case "workdir":
      out.add("keyword", "WORKDIR").text(" ").word(check(REF, ins.path, "WORKDIR path"));
      return;
    case "copy":
      out.add("keyword", "COPY").text(" ");
      if (ins.from) out.word(`--from=${check(REF, ins.from, "COPY source stage")}`).text(" ");
      out.words([...ins.sources, ins.dest].map((p) => check(REF, p, "COPY path")));
      return;
    case "run":
      printRun(out, ins.mounts ?? [], ins.commands);
      return;
    case "run-heredoc":
      printHeredoc(out, ins.words, ins.delimiter, ins.body);
      return;
    case "user":
      out.add("keyword", "USER").text(" ").word(check(/^[a-z0-9_:-]+$/, ins.user, "USER"));
      return;
    case "expose":
      if (!Number.isInteger(ins.port) || ins.port < 1 || ins.port > 65535) throw new Error(`refusing to print port ${ins.port}`);
      out.add("keyword", "EXPOSE").text(` ${ins.port}`);
      return;
    case "healthcheck":
      out
        .add("keyword", "HEALTHCHECK")
        .text(" ")
        .words([`--interval=${ins.interval}`, `--timeout=${ins.timeout}`, `--start-period=${ins.startPeriod}`, `--retries=${ins.retries}`])
        .continue(`${INDENT}CMD `);
      printExecForm(out, ins.argv);
      return;
    case "cmd":
      out.add("keyword", "CMD").text(" ");
      printExecForm(out, ins.argv);
      return;
  }
}

function printHeredoc(out: Lines, words: string[], delimiter: string, body: string[]): void {
  check(/^[A-Z][A-Z0-9_]*$/, delimiter, "heredoc delimiter");
  for (const line of body) {
    if (LINE_BREAKERS.test(line)) throw new Error(`refusing to print a heredoc line with a line break: ${JSON.stringify(line)}`);
    if (line.trim() === delimiter) throw new Error(`refusing to print a heredoc line that ends it: ${JSON.stringify(line)}`);
  }
  out.add("keyword", "RUN").text(" ").words(words, (w) => out.shell(w)).text(" <<").add("string", `'${delimiter}'`);
  for (const line of body) out.newLine().text(line);
  out.newLine().text(delimiter);
}

function printExecForm(out: Lines, argv: string[]): void {
  out.text("[");
  execFormArgs(argv).forEach((a, i) => {
    if (i > 0) out.text(", ");
    out.add("string", a);
  });
  out.text("]");
}

/**
 * Prints instructions, collapsing runs of blank lines, with exactly one trailing newline, and
 * returns the text's highlight and the line range of every instruction that carries a `why`.
 */
export function printAnnotated(instructions: Instruction[]): Printed {
  const out = new Lines();
  const notes: LineNote[] = [];
  let blank = true; // no blank line at the top
  for (const ins of instructions) {
    if (ins.kind === "blank") {
      if (!blank) out.newLine();
      blank = true;
      continue;
    }
    if (out.out !== "") out.newLine();
    const from = out.count;
    print(out, ins);
    if (ins.why) notes.push({ from, to: out.count, note: ins.why });
    blank = false;
  }
  // One trailing newline.
  if (!blank) out.newLine();
  return { text: out.out, highlight: out.highlight, notes };
}
