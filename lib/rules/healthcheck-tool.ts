import { finalStage } from "./model";
import { systemInstalls } from "./installs";
import { baseImage, imageKind, programOf } from "./stages";
import type { Rule } from "./types";

export const healthcheckTool: Rule = {
  id: "healthcheck-tool",
  severity: "error",
  title: "The health check's program exists in the final image.",
  refs: { trivy: ["DS026 (a HEALTHCHECK is present; this rule checks it can run)"] },
  dockerfile({ file }) {
    const stage = finalStage(file);
    if (!stage) return [];
    const kind = imageKind(baseImage(file, stage));
    const installed = new Set(systemInstalls(stage).flatMap((s) => s.packages));
    const hits = [];
    for (const i of stage.instructions) {
      if (i.keyword !== "HEALTHCHECK" || /^\s*NONE\s*$/i.test(i.text)) continue;
      const run = programOf(i);
      if (!run || installed.has(run.program)) continue;
      // Slim images have neither curl nor wget; Alpine's busybox has wget but not curl.
      const absent = kind === "slim" ? ["curl", "wget"] : kind === "alpine" ? ["curl"] : [];
      if (absent.includes(run.program))
        hits.push({ line: i.line, message: `The health check runs ${run.program}, which the ${kind} image does not have: install it in the final stage, or check with python -c "import urllib.request; …".` });
    }
    return hits;
  },
};
