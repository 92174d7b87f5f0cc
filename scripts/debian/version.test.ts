import { describe, expect, it } from "vitest";
import { compareDebianVersions, satisfies } from "./version";

const sign = (n: number) => Math.sign(n) + 0;

describe("compareDebianVersions (dpkg order)", () => {
  it.each([
    ["1.0", "1.0", 0],
    ["1.0", "1.1", -1],
    ["1.10", "1.9", 1],
    ["1.0~rc1", "1.0", -1], // ~ sorts before the end
    ["1.0~~", "1.0~", -1],
    ["1.0+deb12u1", "1.0", 1],
    ["1:0.1", "9.9", 1], // epoch first
    ["2.0-1", "2.0-10", -1], // revision compared numerically
    ["1.0a", "1.0+", -1], // letters before other characters
    ["1.01", "1.1", 0], // leading zeros do not count
  ])("%s vs %s", (a, b, want) => {
    expect(sign(compareDebianVersions(a, b))).toBe(want);
    expect(sign(compareDebianVersions(b, a))).toBe(want === 0 ? 0 : -want);
  });
});

describe("satisfies", () => {
  it("applies each relation operator", () => {
    expect(satisfies("2.36-9", ">=", "2.34")).toBe(true);
    expect(satisfies("2.36-9", "<<", "2.36")).toBe(false);
    expect(satisfies("2.36-9", ">>", "2.36")).toBe(true);
    expect(satisfies("3.11.2-1", "=", "3.11.2-1")).toBe(true);
    expect(satisfies("3.11.2-1", "<=", "3.11.2")).toBe(false);
    expect(satisfies("1.0", undefined, undefined)).toBe(true);
  });
});
