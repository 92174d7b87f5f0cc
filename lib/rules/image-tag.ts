import { stageNamed } from "./model";
import type { Rule, RuleHit } from "./types";

export const imageTag: Rule = {
  id: "image-tag",
  severity: "warning",
  title: "Base images name a version tag (not latest, not missing).",
  refs: { hadolint: ["DL3006", "DL3007"], trivy: ["DS001"] },
  dockerfile({ file }) {
    const hits: RuleHit[] = [];
    for (const s of file.stages) {
      const image = s.image;
      if (!image || image === "scratch" || image.includes("$") || image.includes("@") || (stageNamed(file, image) && stageNamed(file, image)!.index < s.index)) continue;
      const slash = image.lastIndexOf("/");
      const tag = image.indexOf(":", slash + 1) >= 0 ? image.slice(image.indexOf(":", slash + 1) + 1) : null;
      if (tag === null) hits.push({ line: s.from.line, message: `${image} has no tag: each build may get a different image. Name a version (e.g. python:3.13-slim-trixie).` });
      else if (tag === "latest") hits.push({ line: s.from.line, message: `${image} follows latest: each build may get a different image. Name a version.` });
    }
    return hits;
  },
};
