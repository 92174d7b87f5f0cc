import { describe, expect, it } from "vitest";
import { buildAtomApplies, parseAtom, parseBuildRelation, parseControl, parseRelation } from "./control";

describe("parseControl", () => {
  it("splits stanzas, keeps wanted fields, joins continuation lines", () => {
    const text = "Package: a\nVersion: 1\nDescription: x\n more\n\n\nPackage: b\nDepends: c,\n d\nVersion: 2\n";
    const out = parseControl(text, new Set(["Package", "Version", "Depends"]));
    expect(out.map((m) => Object.fromEntries(m))).toEqual([
      { Package: "a", Version: "1" },
      { Package: "b", Depends: "c,\nd", Version: "2" },
    ]);
  });
});

describe("relations", () => {
  it("parses alternatives, versions and architecture qualifiers", () => {
    expect(parseRelation("libc6 (>= 2.34), python3:any, libfoo1 | libfoo2 (<< 3~)")).toEqual([
      [{ name: "libc6", op: ">=", version: "2.34" }],
      [{ name: "python3", op: undefined, version: undefined }],
      [{ name: "libfoo1", op: undefined, version: undefined }, { name: "libfoo2", op: "<<", version: "3~" }],
    ]);
    expect(parseAtom("   ")).toBeUndefined();
    expect(parseRelation(undefined)).toEqual([]);
  });

  it("keeps architecture lists and build profiles of Build-Depends", () => {
    const [[a], [b], [c, d]] = parseBuildRelation(
      "libx-dev [!hurd-any !kfreebsd-any] <!nocheck>, cython3:native (>= 0.29) <!nodoc> <stage1 !cross>, liba-dev [amd64] | libb-dev",
    );
    expect(a).toEqual({ name: "libx-dev", op: undefined, version: undefined, arch: ["!hurd-any", "!kfreebsd-any"], profiles: [["!nocheck"]] });
    expect(b).toMatchObject({ name: "cython3", op: ">=", version: "0.29", profiles: [["!nodoc"], ["stage1", "!cross"]] });
    expect(c).toMatchObject({ name: "liba-dev", arch: ["amd64"] });
    expect(d).toEqual({ name: "libb-dev", op: undefined, version: undefined });
  });

  it("decides which build relations apply on amd64 with nocheck and nodoc", () => {
    const active = new Set(["nocheck", "nodoc"]);
    const applies = (field: string) => buildAtomApplies(parseBuildRelation(field)[0][0], "amd64", active);
    expect(applies("libx-dev")).toBe(true);
    expect(applies("python3-pytest <!nocheck>")).toBe(false);
    expect(applies("sphinx <!nodoc>")).toBe(false);
    expect(applies("libx-dev <!nocheck> <pkg.x.y>")).toBe(false);
    expect(applies("libx-dev <!stage1>")).toBe(true);
    expect(applies("libx-dev <nocheck>")).toBe(true);
    expect(applies("libx-dev [!hurd-any]")).toBe(true);
    expect(applies("libx-dev [!amd64]")).toBe(false);
    expect(applies("libx-dev [linux-any]")).toBe(true);
    expect(applies("libx-dev [any-amd64]")).toBe(true);
    expect(applies("libx-dev [i386 arm64]")).toBe(false);
    expect(applies("libx-dev [kfreebsd-any]")).toBe(false);
  });
});
