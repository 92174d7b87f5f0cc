import type { Rule, RuleHit } from "./types";

/** $NAME and ${NAME…} references in an instruction's text. */
function references(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g)) out.add(m[1] ?? m[2]);
  return out;
}

export const argScope: Rule = {
  id: "arg-scope",
  severity: "error",
  title: "An ARG declared before FROM is declared again in each stage that uses it.",
  refs: { buildkit: ["UndefinedVar"] },
  dockerfile({ file }) {
    const globals = new Set(file.globalArgs.flatMap((a) => a.words.map((w) => w.split("=")[0])));
    if (globals.size === 0) return [];
    const hits: RuleHit[] = [];
    for (const s of file.stages) {
      const declared = new Set<string>();
      for (const i of s.instructions) {
        if (i.keyword === "ARG") {
          for (const w of i.words) declared.add(w.split("=")[0]);
          continue;
        }
        // ENV NAME=… defines it in the stage; a RUN's shell may define its own variables too, which we cannot see.
        if (i.keyword === "ENV") for (const w of i.words) if (w.includes("=")) declared.add(w.split("=")[0]);
        for (const name of references(i.text))
          if (globals.has(name) && !declared.has(name))
            hits.push({ line: i.line, message: `${name} is declared before FROM, which makes it visible only to FROM lines: here it is empty. Add \`ARG ${name}\` in this stage.` });
      }
    }
    return hits;
  },
};
