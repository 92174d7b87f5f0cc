/**
 * The one layout of a curated entry file: two-space JSON; an array or object of plain values goes on one line when
 * it fits in LINE characters, else its values are packed onto as few lines as fit (a long string, such as a source,
 * gets a line of its own). scripts/curated-knowledge.ts writes this layout and a test keeps the files in it, so
 * diffs stay small and reviews readable.
 */
const LINE = 120;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isFlat = (v: Json[]): boolean => v.every((x) => x === null || typeof x !== "object");

/** Plain values packed onto lines of at most LINE characters (a long string gets a line of its own). */
function fill(items: string[], indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    if (line && indent.length + line.length + 2 + item.length + 1 > LINE) {
      lines.push(line + ",");
      line = "";
    }
    line = line ? `${line}, ${item}` : item;
  }
  lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}

function print(value: Json, indent: string, prefix: number): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const flat = isFlat(value) ? `[${value.map((x) => JSON.stringify(x)).join(", ")}]` : null;
    if (flat && prefix + flat.length <= LINE) return flat;
    if (flat) return `[\n${fill(value.map((x) => JSON.stringify(x)), inner)}\n${indent}]`;
    return `[\n${value.map((x) => inner + print(x, inner, inner.length)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const flat = isFlat(entries.map(([, v]) => v)) ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")} }` : null;
  if (flat && prefix + flat.length <= LINE) return flat;
  return `{\n${entries
    .map(([k, v]) => {
      const key = `${inner}${JSON.stringify(k)}: `;
      return key + print(v, inner, key.length);
    })
    .join(",\n")}\n${indent}}`;
}

/** The file text of an entry (or any JSON value), with one trailing newline. */
export function formatEntryFile(value: unknown): string {
  return print(value as Json, "", 0) + "\n";
}
