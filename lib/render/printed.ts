/**
 * What the printers hand the page besides the text: how to highlight it, and why each annotated range of lines is
 * there. Types and two small helpers only, so the page's first load can use them.
 */

/** In this order in a `Highlight`. */
export const TOKEN_KINDS = ["text", "keyword", "comment", "string", "flag", "variable"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface Token {
  kind: TokenKind;
  text: string;
}

/** Why a range of lines is there (1-based, inclusive), for hover/selection in the preview. */
export interface LineNote {
  from: number;
  to: number;
  note: string;
}

/**
 * A printed text's tokens, compactly: for each token in order, its kind (index into TOKEN_KINDS) and its length.
 * Tokens never span a line break, and the line breaks are not in them. Numbers, not objects: the printer makes
 * one on every keystroke, and the server sends it to the page.
 */
export type Highlight = readonly number[];

export interface Printed {
  text: string;
  highlight: number[];
  notes: LineNote[];
}

/** The tokens of each line of `text` (split at "\n"; an empty line has none) from its highlight. */
export function highlightedLines(text: string, highlight: Highlight): Token[][] {
  const lines: Token[][] = [[]];
  let line = lines[0];
  let at = 0;
  let i = 0;
  while (at < text.length) {
    if (text.charCodeAt(at) === 10) {
      lines.push((line = []));
      at += 1;
      continue;
    }
    const length = highlight[i + 1];
    if (length === undefined) throw new Error("highlight ends before its text");
    line.push({ kind: TOKEN_KINDS[highlight[i]], text: text.slice(at, at + length) });
    at += length;
    i += 2;
  }
  return lines;
}

/** The text the tokens were made from. */
export function joinTokens(lines: readonly (readonly Token[])[]): string {
  return lines.map((line) => line.map((t) => t.text).join("")).join("\n");
}
