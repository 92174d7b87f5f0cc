import { finalStage } from "./model";
import type { Rule, RuleHit } from "./types";

export const shellFormCmd: Rule = {
  id: "shell-form-cmd",
  severity: "warning",
  title: "CMD and ENTRYPOINT use the exec form (a JSON array).",
  refs: { hadolint: ["DL3025"], buildkit: ["JSONArgsRecommended"] },
  dockerfile({ file }) {
    const stage = finalStage(file);
    const hits: RuleHit[] = [];
    for (const i of stage?.instructions ?? [])
      if ((i.keyword === "CMD" || i.keyword === "ENTRYPOINT") && i.argv === null && i.text.trim() !== "")
        hits.push({ line: i.line, message: `${i.keyword} in shell form runs under /bin/sh -c: the app is not PID 1 and misses SIGTERM. Write it as a JSON array.` });
    return hits;
  },
};
