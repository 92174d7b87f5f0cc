import { normalizeName } from "../knowledge/names";
import { pinnedPackages } from "../plan/pins";
import type { Plan } from "../resolve";
import type { Rule } from "./types";

const MESSAGE =
  "GDAL (the Python binding) is not pinned: pip takes the newest release, which does not build against the Debian release's older libgdal. Pin GDAL to the libgdal version of the image's release, or install it with GDAL==$(gdal-config --version).";

export const gdalPinned: Rule = {
  id: "gdal-pinned",
  severity: "warning",
  title: "The GDAL binding is pinned to the release's libgdal.",
  refs: {},
  dockerfile({ file, packages }) {
    if (!packages?.has("gdal")) return [];
    for (const stage of file.stages)
      for (const i of stage.instructions)
        if (i.keyword === "RUN" && (/gdal-config\s+--version/.test(i.text) || /\bgdal\s*==\s*\d/i.test(i.text))) return [];
    const line = file.stages.flatMap((s) => s.instructions).find((i) => i.keyword === "RUN" && /\bpip3?\b.*\binstall\b/.test(i.text))?.line ?? 0;
    return [{ line, message: MESSAGE }];
  },
  plan(plan: Plan) {
    const gdal = pinnedPackages(plan).find((r) => normalizeName(r.name) === "gdal");
    if (!gdal || /==/.test(gdal.specifier ?? "") || plan.install.builder.some((s) => s.kind === "run" && s.calls.some((c) => c.args.some((a) => a.includes("gdal-config")))))
      return [];
    return [{ line: 0, message: MESSAGE }];
  },
};
