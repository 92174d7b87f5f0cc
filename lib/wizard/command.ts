/**
 * The command field as text: split into an exec-form argv and joined back. Quotes group words
 * ('single' keeps everything literal, "double" allows \" and \\); nothing is ever run by a shell.
 */
export type SplitResult = { ok: true; argv: string[] } | { ok: false; message: string };

export function splitCommand(text: string): SplitResult {
  const argv: string[] = [];
  let current = "";
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else current += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === " " || c === "\t") {
      if (inWord) argv.push(current);
      current = "";
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, message: `a ${quote === "'" ? "single" : "double"} quote is not closed` };
  if (inWord) argv.push(current);
  return { ok: true, argv };
}

function quoteArg(arg: string): string {
  if (arg !== "" && !/[\s'"\\]/.test(arg)) return arg;
  if (!arg.includes("'")) return `'${arg}'`;
  return `"${arg.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

export function joinCommand(argv: readonly string[]): string {
  return argv.map(quoteArg).join(" ");
}
