/**
 * A tiny, dependency-free Dockerfile tokenizer for the server-rendered preview (the <pre> shown before Monaco loads,
 * and whenever it cannot load), for text that comes without tokens: generated files come with their printer's
 * tokens (lib/render/instructions.ts), which the preview uses as they are.
 *
 * Rules:
 * - Pure: no React, no DOM. Text in, tokens out.
 * - Lossless: for any input, `joinTokens(tokenize(text, language)) === text`. No character is dropped, added or
 *   normalised (CR, tabs, NUL, lone surrogates and unterminated quotes included); the tests check this with random
 *   and hostile input.
 * - Good enough, not a parser: it colours what a reader scans for (instructions, comments, strings, flags,
 *   variables). Anything it does not recognise is plain text.
 */

import type { Token, TokenKind } from "@/lib/render/printed";
import type { PreviewLanguage } from "@/lib/wizard/files";

export type { PreviewLanguage, Token, TokenKind };
export { joinTokens } from "@/lib/render/printed";

/** Every instruction the Dockerfile reference defines (matched case-insensitively, as Docker does). */
const DOCKERFILE_INSTRUCTIONS = [
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
] as const;

const INSTRUCTIONS: ReadonlySet<string> = new Set(DOCKERFILE_INSTRUCTIONS);

/** Splits on "\n" only, so a "\r" stays inside its line and is given back untouched. */
function splitLines(text: string): string[] {
  return text.split("\n");
}

/** Appends text to the line, merging with the previous token when it has the same kind. */
function push(line: Token[], kind: TokenKind, text: string): void {
  if (text === "") return;
  const last = line[line.length - 1];
  if (last && last.kind === kind) last.text += text;
  else line.push({ kind, text });
}

const WORD_START = /[A-Za-z]/;
const SPACE = /[ \t]/;

/** The variable reference starting at `i` (which is a "$"), or 0 if it is a lone dollar sign. */
function variableLength(s: string, i: number): number {
  const next = s[i + 1];
  if (next === "{") {
    const close = s.indexOf("}", i + 2);
    return close === -1 ? 0 : close - i + 1;
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
  return m ? m[0].length + 1 : 0;
}

/** The quoted string starting at `i`; an unterminated string runs to the end of the line. */
function stringLength(s: string, i: number, escape: string): number {
  const quote = s[i];
  let j = i + 1;
  while (j < s.length) {
    const c = s[j];
    if (c === escape && quote === '"' && j + 1 < s.length) {
      j += 2;
      continue;
    }
    if (c === quote) return j - i + 1;
    j += 1;
  }
  return s.length - i;
}

/** Tokenises instruction arguments (or a continuation line): strings, flags, variables, the rest is text. */
function tokenizeArguments(line: Token[], s: string, escape: string): void {
  let i = 0;
  let plain = "";
  const flush = () => {
    push(line, "text", plain);
    plain = "";
  };
  while (i < s.length) {
    const c = s[i];
    const atWordStart = i === 0 || SPACE.test(s[i - 1]);
    if (c === '"' || c === "'") {
      const n = stringLength(s, i, escape);
      flush();
      push(line, "string", s.slice(i, i + n));
      i += n;
      continue;
    }
    if (c === "$") {
      const n = variableLength(s, i);
      if (n > 0) {
        flush();
        push(line, "variable", s.slice(i, i + n));
        i += n;
        continue;
      }
    }
    if (c === "-" && s[i + 1] === "-" && atWordStart && /[A-Za-z]/.test(s[i + 2] ?? "")) {
      // A flag runs to the next space; quotes or variables inside its value stay part of the flag.
      let j = i + 2;
      while (j < s.length && !SPACE.test(s[j])) j += 1;
      flush();
      push(line, "flag", s.slice(i, j));
      i = j;
      continue;
    }
    plain += c;
    i += 1;
  }
  flush();
}

/** True when the line ends with the escape character (ignoring trailing spaces): the instruction continues. */
function continues(s: string, escape: string): boolean {
  const trimmed = s.replace(/[ \t\r]+$/, "");
  return trimmed.endsWith(escape);
}

/** Heredoc terminators opened on this line (`<<EOF`, `<<-EOF`, `<<"EOF"`), in order. */
function heredocs(s: string): { word: string; stripTabs: boolean }[] {
  const out: { word: string; stripTabs: boolean }[] = [];
  const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ word: m[3], stripTabs: m[1] === "-" });
  return out;
}

/**
 * Tokens per line for a Dockerfile. Instruction keywords are recognised only where Docker would read them: at the
 * start of a line that is not the continuation of the previous instruction (a line after one ending in `\`), nor
 * inside a heredoc body. Comment lines inside a continuation stay comments, as Docker strips them.
 */
export function tokenizeDockerfile(text: string): Token[][] {
  const lines = splitLines(text);
  const out: Token[][] = [];
  let escape = "\\";
  let inContinuation = false;
  let directivesOpen = true;
  const pendingHeredocs: { word: string; stripTabs: boolean }[] = [];

  for (const s of lines) {
    const line: Token[] = [];
    out.push(line);

    // Inside a heredoc body: plain text until the terminator line.
    if (pendingHeredocs.length > 0) {
      const current = pendingHeredocs[0];
      const candidate = current.stripTabs ? s.replace(/^\t+/, "") : s;
      if (candidate.replace(/\r$/, "") === current.word) pendingHeredocs.shift();
      push(line, "text", s);
      continue;
    }

    const indent = /^[ \t]*/.exec(s)?.[0] ?? "";
    const rest = s.slice(indent.length);

    if (rest.startsWith("#")) {
      // Parser directives (`# escape=`) only count before the first instruction or ordinary comment.
      const directive = /^#\s*escape\s*=\s*([\\`])\s*$/i.exec(rest.replace(/\r$/, ""));
      if (directivesOpen && directive) escape = directive[1];
      else if (!/^#\s*[A-Za-z]+\s*=/.test(rest)) directivesOpen = false;
      push(line, "text", indent);
      push(line, "comment", rest);
      continue;
    }
    if (rest.replace(/\r$/, "") !== "") directivesOpen = false;

    let args = s;
    if (!inContinuation) {
      const m = /^[A-Za-z]+/.exec(rest);
      if (m && INSTRUCTIONS.has(m[0].toUpperCase()) && (rest.length === m[0].length || !WORD_START.test(rest[m[0].length]))) {
        push(line, "text", indent);
        push(line, "keyword", m[0]);
        args = rest.slice(m[0].length);
        // ONBUILD wraps another instruction: colour that one too.
        if (m[0].toUpperCase() === "ONBUILD") {
          const inner = /^([ \t]+)([A-Za-z]+)(?![A-Za-z])/.exec(args);
          if (inner && INSTRUCTIONS.has(inner[2].toUpperCase())) {
            push(line, "text", inner[1]);
            push(line, "keyword", inner[2]);
            args = args.slice(inner[0].length);
          }
        }
      }
    }
    tokenizeArguments(line, args, escape);

    // An empty line inside a continuation does not end it (Docker skips it), so only real content decides.
    if (rest.replace(/\r$/, "").trim() !== "") inContinuation = continues(s, escape);
    pendingHeredocs.push(...heredocs(args));
  }
  return out;
}

/** `.dockerignore`: comment lines, a leading `!` (re-include) as a keyword, the patterns as text. */
function tokenizeIgnore(text: string): Token[][] {
  return splitLines(text).map((s) => {
    const line: Token[] = [];
    if (s.startsWith("#")) push(line, "comment", s);
    else if (s.startsWith("!")) {
      push(line, "keyword", "!");
      push(line, "text", s.slice(1));
    } else push(line, "text", s);
    return line;
  });
}

/**
 * YAML as Wheelwright writes it (compose.yaml): comment lines, `key:` as a keyword, double-quoted strings
 * (with their escapes), everything else as text.
 */
export function tokenizeYaml(text: string): Token[][] {
  return splitLines(text).map((s) => {
    const line: Token[] = [];
    if (/^[ \t]*#/.test(s)) {
      push(line, "comment", s);
      return line;
    }
    const key = /^([ \t]*(?:- )?)([A-Za-z_][\w-]*)(:)/.exec(s);
    let rest = s;
    if (key) {
      push(line, "text", key[1]);
      push(line, "keyword", key[2]);
      push(line, "text", key[3]);
      rest = s.slice(key[0].length);
    }
    const string = /"(?:[^"\\]|\\.)*"?/g;
    let at = 0;
    for (let m = string.exec(rest); m; m = string.exec(rest)) {
      push(line, "text", rest.slice(at, m.index));
      push(line, "string", m[0]);
      at = m.index + m[0].length;
    }
    push(line, "text", rest.slice(at));
    return line;
  });
}

/** Plain text: one token per non-empty line. */
function tokenizePlain(text: string): Token[][] {
  return splitLines(text).map((s) => (s === "" ? [] : [{ kind: "text" as const, text: s }]));
}

export function tokenize(text: string, language: PreviewLanguage): Token[][] {
  switch (language) {
    case "dockerfile":
      return tokenizeDockerfile(text);
    case "ignore":
      return tokenizeIgnore(text);
    case "yaml":
      return tokenizeYaml(text);
    case "plaintext":
      return tokenizePlain(text);
  }
}
