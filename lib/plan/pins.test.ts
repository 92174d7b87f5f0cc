import { describe, expect, it } from "vitest";
import { debianPackage } from "../knowledge/debian";
import { DEBIAN_RELEASES } from "../knowledge/types";
import { resolve } from "../resolve";
import { BuildSpecSchema, DEFAULT_SPEC } from "../spec";
import { LIBGDAL, pinnedPackages } from "./pins";
import { CURATED } from "../knowledge/full-curated";

describe("pins", () => {
  it("LIBGDAL is each release's libgdal-dev upstream version in Debian's Packages index", () => {
    for (const r of DEBIAN_RELEASES) expect(debianPackage(r, "libgdal-dev")?.version.replace(/^\d+:/, "").replace(/[+~-].*$/, "")).toBe(LIBGDAL[r]);
  });
  it("pins an unpinned GDAL to the builder release's libgdal, and leaves a user's pin alone", () => {
    const plan = (packages: string[], base = "slim-bookworm") => {
      const reqs = packages.map((p) => { const m = /^([^=]+)(==.*)?$/.exec(p)!; return m[2] ? { name: m[1], specifier: m[2] } : { name: m[1] }; });
      return resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, python: "3.12", base, packages: reqs }), CURATED);
    };
    expect(pinnedPackages(plan(["GDAL", "flask"])).map((r) => `${r.name}${r.specifier ?? ""}`)).toEqual(["GDAL==3.6.2", "flask"]);
    expect(pinnedPackages(plan(["gdal"], "slim-trixie"))[0].specifier).toBe("==3.10.3");
    expect(pinnedPackages(plan(["GDAL==3.6.4"]))[0].specifier).toBe("==3.6.4");
    expect(pinnedPackages(plan(["GDAL"], "alpine"))[0].specifier ?? "").toBe("");
  });
});
