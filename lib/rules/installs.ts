/** What a parsed Dockerfile installs: system packages per stage, and the Python packages its pip commands name. */
import { normalizeName } from "../knowledge/names";
import { shellCommands, type DockerfileModel, type ModelInstruction, type Stage } from "./model";

/** Strip quotes, extras, specifiers and markers: `"gunicorn[gevent]>=22"` → gunicorn. */
export function requirementName(word: string): string | null {
  const m = /^["']?([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(word);
  return m ? normalizeName(m[1]) : null;
}

/** The package operands of one install command (`apt-get install`, `apk add`, `pip install`), options dropped. */
function operands(words: string[], start: number, valued: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = start; i < words.length; i++) {
    const w = words[i];
    if (w === "\\") continue;
    if (w.startsWith("-")) {
      if (valued.has(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

const APT_VALUED = new Set(["-o", "-t", "--target-release"]);
const PIP_VALUED = new Set(["-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--no-binary", "--only-binary", "--platform", "--python-version", "-e", "--editable"]);

export interface SystemInstall {
  instruction: ModelInstruction;
  tool: "apt-get" | "apk";
  packages: string[];
  /** The words of the install command itself. */
  words: string[];
}

export function systemInstalls(stage: Stage): SystemInstall[] {
  const out: SystemInstall[] = [];
  for (const i of stage.instructions) {
    if (i.keyword !== "RUN") continue;
    for (const c of shellCommands(i.text)) {
      const k = c.findIndex((w) => w === "apt-get" || w === "apt" || w === "apk");
      if (k < 0) continue;
      const verb = c.slice(k + 1).find((w) => !w.startsWith("-"));
      if ((c[k] !== "apk" && verb === "install") || (c[k] === "apk" && verb === "add")) {
        const at = c.indexOf(verb!, k + 1);
        out.push({ instruction: i, tool: c[k] === "apk" ? "apk" : "apt-get", packages: operands(c, at + 1, APT_VALUED).map((p) => p.replace(/[=:].*$/, "")), words: c });
      }
    }
  }
  return out;
}

export interface PythonInstalls {
  /** PEP 503 names of the literal operands of pip install commands. */
  names: Set<string>;
  /** Some install reads a file we cannot see (-r, poetry install, uv sync, a wheel directory …). */
  fromFile: boolean;
}

export function pythonInstalls(model: DockerfileModel): PythonInstalls {
  const names = new Set<string>();
  let fromFile = false;
  for (const stage of model.stages)
    for (const i of stage.instructions) {
      if (i.keyword !== "RUN") continue;
      for (const c of shellCommands(i.text)) {
        const tool = c.findIndex((w) => /(^|\/)pip3?(\.\d+)?$/.test(w) || w === "pip" || (w === "-m" && false));
        const viaModule = c.findIndex((w, j) => w === "pip" && c[j - 1] === "-m");
        const at = tool >= 0 ? tool : viaModule;
        if (c.some((w, j) => (w === "poetry" || w === "pipenv") && c[j + 1] === "install") || c.some((w, j) => w === "uv" && c[j + 1] === "sync")) fromFile = true;
        if (at < 0 || c[at + 1] !== "install") continue;
        if (c.some((w) => w === "-r" || w.startsWith("--requirement") || w.startsWith("-r"))) fromFile = true;
        for (const w of operands(c, at + 2, PIP_VALUED)) {
          if (/[/*$]|\.whl|^\./.test(w)) {
            fromFile = true;
            continue;
          }
          const n = requirementName(w);
          if (n) names.add(n);
        }
      }
    }
  return { names, fromFile };
}
