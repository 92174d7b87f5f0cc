import { flag, finalStage, stageNamed } from "./model";
import { IMAGE_PROGRAMS } from "./console-scripts";
import { finalCommand, programOf } from "./stages";
import type { Rule } from "./types";

export const consoleScriptsCopied: Rule = {
  id: "console-scripts-copied",
  severity: "error",
  title: "Console scripts are copied with the packages (site-packages alone loses gunicorn, uvicorn …).",
  refs: {},
  dockerfile({ file }) {
    const stage = finalStage(file);
    if (!stage) return [];
    const copies = stage.instructions.filter((i) => i.keyword === "COPY" && flag(i, "from") !== undefined && stageNamed(file, flag(i, "from")!));
    const sitePackages = copies.find((i) => i.words.slice(0, -1).some((w) => /site-packages\/?$/.test(w)));
    if (!sitePackages) return [];
    const copiesBin = copies.some((i) => i.words.slice(0, -1).some((w) => /\/bin\/?$/.test(w) || /^\/usr(\/local)?\/?$/.test(w)));
    const cmd = finalCommand(stage);
    const run = cmd && programOf(cmd);
    if (copiesBin || !run || IMAGE_PROGRAMS.has(run.program) || /^python/.test(run.program)) return [];
    return [
      {
        line: sitePackages.line,
        message: `Only site-packages is copied from the builder, so ${run.program} (a console script pip writes to /usr/local/bin) is missing in the final image: copy /usr/local/bin too, or use a virtual environment.`,
      },
    ];
  },
};
