/**
 * What the printers hand the page besides the text: the text as highlighting tokens, line by line, and why each
 * annotated range of lines is there. Types and one tiny helper only, so the page's first load can use them.
 */

export type TokenKind = "text" | "keyword" | "comment" | "string" | "flag" | "variable";

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

export interface Printed {
  text: string;
  /** `text` split at "\n", each line as tokens (no empty token; an empty line has none). */
  tokens: Token[][];
  notes: LineNote[];
}

/** The text the tokens were made from. */
export function joinTokens(lines: readonly (readonly Token[])[]): string {
  return lines.map((line) => line.map((t) => t.text).join("")).join("\n");
}
