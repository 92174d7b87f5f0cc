import { systemInstalls } from "./installs";
import type { Rule, RuleHit } from "./types";

export const aptLists: Rule = {
  id: "apt-lists",
  severity: "warning",
  title: "apt's package lists are removed in the RUN that installs (or kept in a cache mount).",
  refs: { hadolint: ["DL3009"] },
  differs: "A RUN with --mount=type=cache,target=/var/lib/apt/lists passes: the lists never enter a layer.",
  dockerfile({ file }) {
    const hits: RuleHit[] = [];
    for (const s of file.stages) {
      const seen = new Set<number>();
      for (const { instruction: i, tool } of systemInstalls(s)) {
        if (tool !== "apt-get" || seen.has(i.line)) continue;
        seen.add(i.line);
        const cached = i.flags.some((f) => f.name === "mount" && /type=cache/.test(f.value) && /target=\/var\/lib\/apt(\/lists)?\/?(,|$)/.test(f.value));
        const removed = /\brm\s+(-\S+\s+)*[^&;|]*\/var\/lib\/apt\/lists/.test(i.text);
        if (!cached && !removed) hits.push({ line: i.line, message: "The apt lists stay in this layer (tens of MB): end the RUN with rm -rf /var/lib/apt/lists/*, or cache-mount /var/lib/apt/lists." });
      }
    }
    return hits;
  },
};
