import { describe, expect, it } from "vitest";
import { compareVersions } from "../versions";
import { decideWheel, exactPin, firstWheelRelease } from "./wheels";
import { lookupPackage } from "./index";
import type { PackageKnowledge } from "./types";

describe("exactPin", () => {
  it("takes == and === with one release", () => {
    expect(exactPin("==9.1.0")).toBe("9.1.0");
    expect(exactPin(" == 11.0.0 ")).toBe("11.0.0");
    expect(exactPin("===10.0.0")).toBe("10.0.0");
  });
  it("leaves ranges, wildcards and lists to the latest-release rule", () => {
    for (const s of [undefined, "", ">=9", "~=10.0", "==10.*", "==9.1.0,!=9.1.1", "!=9.1.0", "<11"]) expect(exactPin(s), String(s)).toBeUndefined();
  });
});

describe("compareVersions (PEP 440 order)", () => {
  const ordered = ["1.0.dev1", "1.0a1", "1.0a2.dev1", "1.0a2", "1.0b1", "1.0rc1", "1.0", "1.0.post1", "1.0.1", "1.1", "2!0.1"];
  it("orders a release ladder", () => {
    for (let i = 0; i + 1 < ordered.length; i++) expect(compareVersions(ordered[i], ordered[i + 1]), `${ordered[i]} < ${ordered[i + 1]}`).toBeLessThan(0);
  });
  it("treats trailing zeros, case and a v prefix as equal; numbers, not text", () => {
    expect(compareVersions("10.0", "10.0.0")).toBe(0);
    expect(compareVersions("v1.0RC1", "1.0rc1")).toBe(0);
    expect(compareVersions("9.10.0", "9.9.0")).toBeGreaterThan(0);
    expect(compareVersions("10.0.0", "9.5.0")).toBeGreaterThan(0);
  });
  it("says nothing about what is not a version", () => {
    expect(compareVersions("foo", "1.0")).toBeUndefined();
  });
});

describe("decideWheel", () => {
  const pillow = lookupPackage("Pillow")!;

  it("an exact pin older than the first cp312 wheel compiles, a newer one does not", () => {
    expect(decideWheel(pillow, "==9.1.0", "3.12", "manylinux", "x86_64")).toEqual({
      wheel: false,
      detail: "Pillow 9.1.0 has no cp312 wheel (first: 10.0.0): compiled from source.",
    });
    expect(decideWheel(pillow, "==11.0.0", "3.12", "manylinux", "x86_64")).toEqual({
      wheel: true,
      detail: "Pillow 11.0.0 has a cp312 wheel (first: 10.0.0): nothing is compiled.",
    });
    expect(decideWheel(pillow, "==10.0.0", "3.12", "manylinux", "aarch64").wheel).toBe(true);
  });

  it("a platform that started later decides when it is the later start", () => {
    expect(firstWheelRelease(pillow, "3.10", "musllinux", "aarch64")).toEqual({ release: "9.4.0", platformLater: true });
    expect(decideWheel(pillow, "==9.2.0", "3.10", "musllinux", "aarch64")).toEqual({
      wheel: false,
      detail: "Pillow 9.2.0 has no cp310 musllinux aarch64 wheel (first: 9.4.0): compiled from source.",
    });
    expect(decideWheel(pillow, "==9.2.0", "3.10", "manylinux", "aarch64").wheel).toBe(true);
    // cp312 starts after musllinux did: the CPython row decides.
    expect(firstWheelRelease(pillow, "3.12", "musllinux", "x86_64")).toEqual({ release: "10.0.0", platformLater: false });
  });

  it("without a pin, the latest release decides as before", () => {
    expect(decideWheel(pillow, ">=9,<10", "3.12", "manylinux", "x86_64")).toEqual({ wheel: true, detail: "A manylinux x86_64 wheel exists for Python 3.12: nothing is compiled." });
    expect(decideWheel(pillow, undefined, "3.15", "manylinux", "x86_64").wheel).toBe(false);
  });

  it("a pin without history falls back to the latest release and says so", () => {
    const noHistory: PackageKnowledge = { ...pillow, wheels: { ...pillow.wheels, history: undefined } };
    const d = decideWheel(noHistory, "==9.1.0", "3.12", "manylinux", "x86_64");
    expect(d.wheel).toBe(true);
    expect(d.detail).toMatch(/No record of when Pillow first published cp312 wheels: 9\.1\.0 is judged by the latest release/);
    const unknownMinor = decideWheel(pillow, "==9.1.0", "3.8", "manylinux", "x86_64");
    expect(unknownMinor.detail).toMatch(/No record of when Pillow first published cp38 wheels/);
  });

  it("a platform without wheels in the latest release compiles whatever the pin", () => {
    const psycopg2 = lookupPackage("psycopg2")!;
    expect(decideWheel(psycopg2, "==2.9.9", "3.12", "manylinux", "x86_64")).toEqual({ wheel: false, detail: "psycopg2 publishes no Linux wheels: it is compiled from source." });
  });
});
