import { flag, finalStage, shellCommands } from "./model";
import type { Rule, RuleHit } from "./types";

/** An octal mode whose "other" digit lacks read (r = 4), e.g. 700, 0750, 600. */
function hidesFromOthers(mode: string): boolean {
  return /^0?[0-7]{3,4}$/.test(mode) && (Number(mode[mode.length - 1]) & 4) === 0;
}

function isRoot(user: string): boolean {
  const name = user.split(":")[0];
  return name === "root" || name === "0";
}

export const readableByUser: Rule = {
  id: "readable-by-user",
  severity: "warning",
  title: "The app and the venv stay readable by the non-root user.",
  refs: {},
  dockerfile({ file }) {
    const stage = finalStage(file);
    if (!stage) return [];
    const users = stage.instructions.filter((i) => i.keyword === "USER");
    const user = users[users.length - 1]?.words[0];
    if (!user || isRoot(user)) return [];
    const hits: RuleHit[] = [];
    for (const i of stage.instructions) {
      if (i.keyword === "COPY" || i.keyword === "ADD") {
        const mode = flag(i, "chmod");
        const owner = flag(i, "chown");
        if (mode && hidesFromOthers(mode) && (!owner || owner.split(":")[0] !== user.split(":")[0]))
          hits.push({ line: i.line, message: `--chmod=${mode} leaves these files unreadable to ${user} (the user the app runs as): chown them to it, or keep them world-readable.` });
      } else if (i.keyword === "RUN") {
        for (const c of shellCommands(i.text)) {
          const at = c.indexOf("chmod");
          if (at < 0) continue;
          const mode = c.slice(at + 1).find((w) => !w.startsWith("-"));
          if (mode && (hidesFromOthers(mode) || /^(go|o|a)-r/.test(mode)) && !stage.instructions.some((x) => x.keyword === "RUN" && new RegExp(`chown\\b.*\\b${user.split(":")[0]}\\b`).test(x.text)))
            hits.push({ line: i.line, message: `chmod ${mode} removes read access for ${user} (the user the app runs as) unless the files are chowned to it.` });
        }
      }
    }
    return hits;
  },
};
