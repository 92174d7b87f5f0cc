import { lookupPackage } from "../knowledge";
import { finalStage } from "./model";
import { systemInstalls } from "./installs";
import { baseImage, imageKind, imageTarget } from "./stages";
import type { Rule, RuleHit } from "./types";

export const runtimeLibs: Rule = {
  id: "runtime-libs",
  severity: "error",
  title: "Every known package's runtime library is installed in the final stage.",
  refs: {},
  dockerfile({ file, packages }) {
    const stage = finalStage(file);
    if (!stage || !packages) return [];
    const image = baseImage(file, stage);
    const target = imageTarget(image);
    // The full images carry Debian's common -dev packages and so their libraries; other images we cannot judge.
    if (!target || imageKind(image) === "full") return [];
    const installed = new Set(systemInstalls(stage).flatMap((s) => s.packages));
    const hits: RuleHit[] = [];
    const from = stage.from.line;
    for (const name of [...packages].sort()) {
      const k = lookupPackage(name);
      if (!k) continue;
      const wheels = target === "alpine" ? k.wheels.musllinux : k.wheels.manylinux;
      const compiled = !wheels.x86_64;
      for (const need of k.needs) {
        if (need.stage !== "runtime" || (need.when === "source" && !compiled)) continue;
        const wanted = need.packages[target];
        if (wanted.length === 0 || wanted.some((p) => installed.has(p))) continue;
        // A -dev package installed in the same stage depends on its runtime library.
        const build = k.needs.filter((n) => n.stage === "build").flatMap((n) => n.packages[target]);
        if (build.length && build.some((p) => installed.has(p))) continue;
        hits.push({ line: from, message: `${k.display} needs ${wanted.join(", ")} at run time (${need.why}), which the final stage does not install.` });
      }
    }
    return hits;
  },
};
