import { describe, expect, it } from "vitest";
import { BuildSpecSchema, DEFAULT_SPEC, parseSpec } from "../spec";
import { specToDraft, draftToInput } from "./draft";
import { applyFileOptions, switchGroups } from "./file-edits";

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

describe("switchGroups: choosing a pasted pyproject.toml's optional-dependency groups", () => {
  const base = specToDraft(BuildSpecSchema.parse(DEFAULT_SPEC));
  const file = {
    main: [{ name: "flask", extras: [], hashes: [] }, { name: "psycopg", extras: [], hashes: [] }],
    groups: [
      { name: "pg", requirements: [{ name: "psycopg2", extras: [], hashes: [] }, { name: "psycopg", extras: ["c"], hashes: [] }] },
      { name: "S3", requirements: [{ name: "boto3", extras: [], hashes: [] }, { name: "psycopg2", extras: [], hashes: [] }] },
    ],
  };
  const names = (d: typeof base) => d.packages.map((p) => `${p.name}${p.extras.length ? `[${p.extras}]` : ""}`);
  const pasted = { ...base, packages: [...file.main], projectExtras: [] };
  it("a chosen group's packages join; unchosen, they leave, and a package the file installs anyway goes back to its own line", () => {
    const withPg = switchGroups(pasted, file, [], ["pg"]);
    expect(names(withPg)).toEqual(["flask", "psycopg[c]", "psycopg2"]);
    expect(withPg.projectExtras).toEqual(["pg"]);
    const without = switchGroups(withPg, file, ["pg"], []);
    expect(names(without)).toEqual(["flask", "psycopg"]);
    expect(without.projectExtras).toEqual([]);
  });
  it("a package another chosen group still adds stays; names compare normalised (PEP 685)", () => {
    const both = switchGroups(pasted, file, [], ["PG", "s3"]);
    expect(names(both)).toEqual(["flask", "psycopg[c]", "psycopg2", "boto3"]);
    expect(names(switchGroups(both, file, ["PG", "s3"], ["s3"]))).toEqual(["flask", "psycopg", "psycopg2", "boto3"]);
  });
  it("packages the user added themselves stay when a group is unchosen", () => {
    const withPg = switchGroups({ ...pasted, packages: [...file.main, { name: "numpy", extras: [], hashes: [] }] }, file, [], ["pg"]);
    expect(names(switchGroups(withPg, file, ["pg"], []))).toEqual(["flask", "psycopg", "numpy"]);
  });
});
