import { flag, finalStage, pythonImage, shellCommands, stageNamed } from "./model";
import { baseImage } from "./stages";
import type { Rule, RuleHit } from "./types";

/** Virtual environments a stage creates: python -m venv DIR, virtualenv DIR, uv venv DIR. */
function venvsOf(text: string): string[] {
  const out: string[] = [];
  for (const c of shellCommands(text)) {
    const at = c.findIndex((w, j) => (w === "venv" && (c[j - 1] === "-m" || c[j - 1] === "uv")) || w === "virtualenv");
    const dir = at >= 0 ? c.slice(at + 1).find((w) => !w.startsWith("-")) : undefined;
    if (dir) out.push(dir.replace(/^["']|["']$/g, "").replace(/\/+$/, ""));
  }
  return out;
}

export const venvPython: Rule = {
  id: "venv-python",
  severity: "error",
  title: "A copied virtual environment (or site-packages) lands at the same path, over the same Python, as where it was built.",
  refs: {},
  dockerfile({ file }) {
    const final = finalStage(file);
    if (!final) return [];
    const hits: RuleHit[] = [];
    const finalPython = pythonImage(baseImage(file, final))?.version;
    for (const i of final.instructions) {
      const from = i.keyword === "COPY" ? flag(i, "from") : undefined;
      const source = from !== undefined ? stageNamed(file, from) : undefined;
      if (!source || i.words.length < 2) continue;
      const dest = i.words[i.words.length - 1].replace(/\/+$/, "");
      const venvs = source.instructions.filter((x) => x.keyword === "RUN").flatMap((x) => venvsOf(x.text));
      for (const src of i.words.slice(0, -1).map((w) => w.replace(/\/+$/, ""))) {
        if (venvs.includes(src) && dest !== src)
          hits.push({ line: i.line, message: `The virtual environment built at ${src} is copied to ${dest}: its scripts' #! lines and pyvenv.cfg still name ${src}, so they fail. Copy it to the same path.` });
        const builtWith = pythonImage(baseImage(file, source))?.version;
        if ((venvs.includes(src) || /site-packages$/.test(src)) && builtWith && finalPython && builtWith !== finalPython)
          hits.push({ line: i.line, message: `${src} was installed with Python ${builtWith} but the final stage runs Python ${finalPython}: compiled modules and the venv's python link do not match. Use the same Python image in both stages.` });
      }
    }
    return hits;
  },
};
