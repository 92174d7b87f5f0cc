import { describe, expect, it } from "vitest";
import { dependsClosure } from "./closure";

const GRAPH: Record<string, string[]> = { app: ["libfoo", "libc"], libfoo: ["libc", "libbar"], libbar: ["libc"], libc: [], cycle1: ["cycle2"], cycle2: ["cycle1"] };
const dependsOf = (n: string) => GRAPH[n];

describe("dependsClosure", () => {
  it("follows dependencies transitively, through cycles", () => {
    expect([...dependsClosure(["app"], dependsOf)].sort()).toEqual(["app", "libbar", "libc", "libfoo"]);
    expect([...dependsClosure(["cycle1"], dependsOf)].sort()).toEqual(["cycle1", "cycle2"]);
  });
  it("keeps unknown names without expanding them", () => {
    expect([...dependsClosure(["nope"], dependsOf)]).toEqual(["nope"]);
  });
  it("does not enter the stop set (a base image) and adds to the set it is given", () => {
    const into = new Set(["already"]);
    const out = dependsClosure(["app"], dependsOf, new Set(["libc", "libbar"]), into);
    expect(out).toBe(into);
    expect([...out].sort()).toEqual(["already", "app", "libfoo"]);
  });
});
