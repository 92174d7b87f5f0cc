import { describe, expect, it } from "vitest";
import { BuildSpecSchema, DEFAULT_SPEC, parseSpec } from "../spec";
import { specToDraft, draftToInput } from "./draft";
import { applyFileOptions } from "./edits";

describe("applyFileOptions: a pasted file's pip options into the draft", () => {
  const start = { ...specToDraft(BuildSpecSchema.parse(DEFAULT_SPEC)), extraIndexUrls: ["https://a.example.org/simple"], noBinary: ["PyODBC"] };
  it("replaces the index, joins the lists (names as PEP 503 compares them), turns --pre on, and leaves the rest", () => {
    const fromFile = {
      indexUrl: "https://mirror.example.org/simple",
      extraIndexUrls: ["https://a.example.org/simple", "https://b.example.org/simple"],
      noBinary: ["pyodbc", "lxml"],
      onlyBinary: [":all:"],
      findLinks: ["https://download.example.org/wheels/"],
      trustedHosts: ["mirror.example.org"],
      pre: true,
    };
    const d = applyFileOptions(start, fromFile);
    // Every field as the file says, but the lists keep what was there first (one URL and PyODBC were).
    expect(d).toEqual({ ...start, ...fromFile, noBinary: ["PyODBC", "lxml"] });
    // The draft stays one the schema accepts.
    expect(parseSpec(draftToInput(d).input).ok).toBe(true);
  });
  it("changes nothing for a file without options (and never turns --pre off)", () => {
    expect(applyFileOptions({ ...start, pre: true }, {})).toEqual({ ...start, pre: true });
  });
});
