import { systemInstalls } from "./installs";
import type { Rule, RuleHit } from "./types";

export const aptRecommends: Rule = {
  id: "apt-recommends",
  severity: "warning",
  title: "apt-get install pulls no recommended packages (--no-install-recommends).",
  refs: { hadolint: ["DL3015"], trivy: ["DS029"] },
  dockerfile({ file }) {
    const hits: RuleHit[] = [];
    for (const s of file.stages)
      for (const install of systemInstalls(s))
        if (install.tool === "apt-get" && !install.words.some((w) => w === "--no-install-recommends" || /APT::Install-Recommends=(false|0)/i.test(w)))
          hits.push({ line: install.instruction.line, message: "apt-get install without --no-install-recommends also pulls recommended packages, often hundreds of MB more." });
    return hits;
  },
};
