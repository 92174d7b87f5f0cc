import { shellCommands } from "./model";
import type { Rule, RuleHit } from "./types";

export const pipCache: Rule = {
  id: "pip-cache",
  severity: "info",
  title: "pip's download cache stays out of the image (a cache mount, or --no-cache-dir).",
  refs: { hadolint: ["DL3042"] },
  differs:
    "Wheelwright prefers a cache mount (RUN --mount=type=cache,target=/root/.cache/pip) to --no-cache-dir: the cache never enters a layer and rebuilds reuse the downloads. Either passes; hadolint asks for --no-cache-dir alone.",
  dockerfile({ file }) {
    const hits: RuleHit[] = [];
    for (const s of file.stages) {
      const envOff = s.instructions.some((i) => i.keyword === "ENV" && /PIP_NO_CACHE_DIR=(1|true|on|yes)/i.test(i.text));
      for (const i of s.instructions) {
        if (i.keyword !== "RUN" || envOff) continue;
        const cached = i.flags.some((f) => f.name === "mount" && /type=cache/.test(f.value));
        const installs = shellCommands(i.text).some((c) => c.some((w, j) => /(^|\/)pip3?(\.\d+)?$/.test(w) && c[j + 1] === "install" && !c.includes("--no-cache-dir")) && !c.includes("--no-cache-dir"));
        const noCacheBefore = /--no-cache-dir/.test(i.text);
        if (installs && !cached && !noCacheBefore)
          hits.push({ line: i.line, message: "pip install keeps its download cache in the layer: add --mount=type=cache,target=/root/.cache/pip to the RUN (or --no-cache-dir)." });
      }
    }
    return hits;
  },
};
