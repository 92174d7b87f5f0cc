import { describe, expect, it } from "vitest";
import { generate } from "../generate";
import { presetById, presetSpec } from "../presets";
import { DEFAULT_SPEC, parseSpec } from "../spec";
import { evaluateDraft, issuesAt, restoreDraft, specToDraft } from "./draft";
import { addPackages, addSystemPackage, choosePython, removePackage, removeSystemPackage, restoreSystemPackage, systemPackageProblem } from "./edits";
import { initialState, wizardReducer } from "./state";

describe("draft", () => {
  it("round-trips every preset and the default spec", () => {
    for (const spec of [DEFAULT_SPEC, ...["seed-000-pyodbc-wheelhouse", "seed-004-alpine-prefix", "django-postgres", "fastapi-uvicorn"].map((id) => presetSpec(presetById(id)!))]) {
      const r = evaluateDraft(specToDraft(spec));
      expect(r.ok).toBe(true);
      if (r.ok) expect(generate(r.spec).dockerfile).toBe(generate(spec).dockerfile);
    }
  });

  it("reports a non-numeric port once, at its field", () => {
    const r = evaluateDraft({ ...specToDraft(DEFAULT_SPEC), port: "80a" });
    expect(r.issues).toEqual([{ field: "runtime.port", message: "the port must be a whole number" }]);
  });

  it("lets the schema judge ranges and text", () => {
    const d = specToDraft(DEFAULT_SPEC);
    const r = evaluateDraft({ ...d, port: "99999", env: [{ name: "A", value: "x\ny" }] });
    expect(r.ok).toBe(false);
    expect(issuesAt(r.issues, "runtime.port")).toHaveLength(1);
    expect(issuesAt(r.issues, "runtime.env.0.value")[0].message).toMatch(/line breaks/);
    expect(issuesAt(r.issues, "runtime.env")).toHaveLength(1);
  });

  it("an empty port means no port", () => {
    const r = evaluateDraft({ ...specToDraft(DEFAULT_SPEC), port: " " });
    expect(r.ok && r.spec.runtime.port).toBe(null);
  });

  it("restores a stored draft, repairing what is malformed", () => {
    const base = specToDraft(DEFAULT_SPEC);
    expect(restoreDraft({ ...base, port: 42, python: "3.12", packages: "nope" }, base)).toEqual({ ...base, python: "3.12" });
    expect(restoreDraft("garbage", base)).toEqual(base);
  });
});

describe("edits", () => {
  const d = specToDraft(DEFAULT_SPEC);

  it("picks a published variant when the Python version changes", () => {
    const r = choosePython(d, "3.8");
    expect(r.draft.base).toBe("slim-bookworm");
    expect(r.notice).toMatch(/not published as slim-trixie/);
    expect(choosePython(d, "3.13").notice).toBeNull();
  });

  it("replaces a package of the same normalised name", () => {
    const next = addPackages(d, [{ name: "Psycopg2", specifier: "==2.9.10", extras: [], hashes: [] }]);
    expect(next.packages.map((p) => p.name)).toEqual(["flask", "gunicorn", "Psycopg2"]);
    expect(removePackage(next, 0).packages).toHaveLength(2);
  });

  it("omits a derived system package and re-adds it", () => {
    const omitted = removeSystemPackage(d, "runtime", "libpq5", true);
    expect(omitted.systemPackages.omit).toEqual(["libpq5"]);
    expect(restoreSystemPackage(omitted, "libpq5").systemPackages.omit).toEqual([]);
    expect(addSystemPackage(omitted, "runtime", "libpq5").systemPackages).toEqual({ build: [], runtime: ["libpq5"], omit: [] });
    expect(removeSystemPackage(addSystemPackage(d, "build", "git"), "build", "git", false).systemPackages).toEqual({ build: [], runtime: [], omit: [] });
  });

  it("validates a system package name with the schema", () => {
    expect(systemPackageProblem(DEFAULT_SPEC, "build", "git")).toBeNull();
    expect(systemPackageProblem(DEFAULT_SPEC, "build", "Bad Name")).toMatch(/not a valid/);
    expect(systemPackageProblem(DEFAULT_SPEC, "build", "lib_foo")).toMatch(/Debian/);
    const alpine = parseSpec({ ...DEFAULT_SPEC, base: "alpine" });
    expect(alpine.ok && systemPackageProblem(alpine.spec, "build", "lib_foo")).toBeNull();
  });
});

describe("wizardReducer", () => {
  it("keeps the last valid spec while the draft is invalid", () => {
    let s = initialState(DEFAULT_SPEC);
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "99999" }) });
    expect(s.stale).toBe(true);
    expect(s.spec).toBe(DEFAULT_SPEC);
    expect(s.draft.port).toBe("99999");
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "9000" }) });
    expect(s.stale).toBe(false);
    expect(s.spec.runtime.port).toBe(9000);
  });

  it("loads a preset and keeps the pasted text", () => {
    let s = wizardReducer(initialState(DEFAULT_SPEC), { type: "edit", edit: (d) => ({ ...d, pasteText: "numpy\n" }) });
    const preset = presetById("django-postgres")!;
    s = wizardReducer(s, { type: "load", spec: presetSpec(preset), presetId: preset.id });
    expect(s.presetId).toBe(preset.id);
    expect(s.draft.pasteText).toBe("numpy\n");
    expect(s.spec.python).toBe("3.13");
  });
});

describe("sizeFactFor", async () => {
  const { sizeFactFor } = await import("./image-size");
  it("finds only exact tags", () => {
    expect(sizeFactFor("3.8", "slim-bullseye")?.mb).toBe(122);
    expect(sizeFactFor("3.6", "alpine")?.mb).toBe(89.2);
    expect(sizeFactFor("3.14", "slim-trixie")).toBeUndefined();
  });
});
