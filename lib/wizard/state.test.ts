import { describe, expect, it } from "vitest";
import { generate } from "../generate";
import { presetById, presetSpec } from "../presets";
import { DEFAULT_SPEC, parseSpec } from "../spec";
import { issuesAt, restoreDraft, specToDraft } from "./draft";
import { addPackages, addSystemPackage, choosePython, removePackage, removeSystemPackage, restoreSystemPackage } from "./edits";
import { evaluateDraft, systemPackageProblem } from "./evaluate";
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

  it("restores every preset's draft exactly, as stored (JSON)", () => {
    const base = specToDraft(DEFAULT_SPEC);
    for (const id of ["seed-000-pyodbc-wheelhouse", "seed-002-flask-gunicorn", "django-postgres", "fastapi-uvicorn"]) {
      const draft = { ...specToDraft(presetSpec(presetById(id)!), "numpy\n"), env: [{ name: "A", value: "1" }] };
      draft.packages = [...draft.packages, { name: "psycopg", extras: ["binary"], specifier: ">=3", marker: 'python_version >= "3.9"', hashes: [] }];
      const restored = restoreDraft(JSON.parse(JSON.stringify(draft)), base);
      expect(restored).toEqual(draft);
      expect(JSON.stringify(restored)).toBe(JSON.stringify(draft));
    }
  });

  it("restores only the shape: the schema judges the values afterwards", () => {
    const base = specToDraft(DEFAULT_SPEC);
    // A well-formed package with a name the schema refuses is kept, and shown as an issue at its field.
    const restored = restoreDraft({ ...base, packages: [{ name: "not a name" }], systemPackages: { build: ["git", 3] } }, base);
    expect(restored.packages).toEqual([{ name: "not a name", extras: [], hashes: [] }]);
    expect(restored.systemPackages).toEqual({ build: [], runtime: [], omit: [] });
    expect(issuesAt(evaluateDraft(restored).issues, "packages.0.name")).toHaveLength(1);
    // A malformed entry makes the whole list fall back.
    expect(restoreDraft({ ...base, packages: [{ name: "numpy" }, { name: 1 }] }, base).packages).toEqual(base.packages);
    expect(restoreDraft({ ...base, env: [{ name: "A" }] }, base).env).toEqual(base.env);
    expect(restoreDraft({ ...base, user: "root" }, base).user).toEqual(base.user);
    expect(restoreDraft({ ...base, user: { enabled: false, uid: 5 } }, base).user).toEqual({ ...base.user, enabled: false });
    expect(restoreDraft([base], base)).toEqual(base);
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
    let s = initialState(DEFAULT_SPEC, null, evaluateDraft);
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "99999" }) });
    expect(s.stale).toBe(true);
    expect(s.spec).toBe(DEFAULT_SPEC);
    expect(s.draft.port).toBe("99999");
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "9000" }) });
    expect(s.stale).toBe(false);
    expect(s.spec.runtime.port).toBe(9000);
  });

  it("loads a preset and keeps the pasted text", () => {
    let s = wizardReducer(initialState(DEFAULT_SPEC, null, evaluateDraft), { type: "edit", edit: (d) => ({ ...d, pasteText: "numpy\n" }) });
    const preset = presetById("django-postgres")!;
    s = wizardReducer(s, { type: "load", spec: presetSpec(preset), presetId: preset.id });
    expect(s.presetId).toBe(preset.id);
    expect(s.draft.pasteText).toBe("numpy\n");
    expect(s.spec.python).toBe("3.13");
  });
  it("before the engine has loaded, edits change only the draft; the engine judges the latest draft", () => {
    let s = initialState(DEFAULT_SPEC);
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "9000" }) });
    s = wizardReducer(s, { type: "python", version: "3.8" });
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, workdir: "/srv" }) });
    expect(s.pending).toBe(true);
    expect(s.spec).toBe(DEFAULT_SPEC);
    expect(s.stale).toBe(false);
    expect(s.draft).toMatchObject({ port: "9000", python: "3.8", base: "slim-bookworm", workdir: "/srv" });
    expect(s.notice).toMatch(/not published as slim-trixie/);
    s = wizardReducer(s, { type: "engine", evaluate: evaluateDraft });
    expect(s.pending).toBe(false);
    expect(s.spec.runtime.port).toBe(9000);
    expect(s.spec.python).toBe("3.8");
    expect(s.spec.runtime.workdir).toBe("/srv");
    // Later edits are judged at once.
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "99999" }) });
    expect(s.stale).toBe(true);
    expect(issuesAt(s.issues, "runtime.port")).toHaveLength(1);
  });

  it("an invalid draft restored before the engine is judged when it arrives", () => {
    let s = initialState(DEFAULT_SPEC);
    s = wizardReducer(s, { type: "restore", draft: { ...specToDraft(DEFAULT_SPEC), port: "90a" } });
    expect(s.pending).toBe(true);
    expect(s.issues).toEqual([]);
    s = wizardReducer(s, { type: "engine", evaluate: evaluateDraft });
    expect(s.stale).toBe(true);
    expect(s.issues).toEqual([{ field: "runtime.port", message: "the port must be a whole number" }]);
  });

  it("the engine changes nothing when nothing is pending", () => {
    const s = initialState(DEFAULT_SPEC);
    const next = wizardReducer(s, { type: "engine", evaluate: evaluateDraft });
    expect(next.spec).toBe(s.spec);
    expect(next.draft).toBe(s.draft);
    expect(next.evaluate).toBe(evaluateDraft);
  });

  it("replays the edits made while a preset waited for the engine on top of it", () => {
    const preset = presetSpec(presetById("django-postgres")!);
    let s = initialState(DEFAULT_SPEC);
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, workdir: "/before" }) });
    s = wizardReducer(s, { type: "await-load" });
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "9100" }) });
    s = wizardReducer(s, { type: "python", version: "3.12" });
    expect(s.draft.port).toBe("9100");
    s = wizardReducer(s, { type: "load", spec: preset, presetId: "django-postgres" });
    expect(s.presetId).toBe("django-postgres");
    expect(s.draft).toMatchObject({ port: "9100", python: "3.12", workdir: preset.runtime.workdir, packages: specToDraft(preset).packages });
    expect(s.pending).toBe(true);
    expect(s.replay).toEqual([]);
    s = wizardReducer(s, { type: "engine", evaluate: evaluateDraft });
    expect(s.spec).toMatchObject({ python: "3.12", runtime: { port: 9100 } });
    // Later edits are not replayed again.
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "9200" }) });
    expect(s.replay).toEqual([]);
  });

  it("two loads on their way: the later one wins, with the edits made after it was asked for", () => {
    const a = presetSpec(presetById("fastapi-uvicorn")!);
    const b = presetSpec(presetById("django-postgres")!);
    let s = initialState(DEFAULT_SPEC, null, evaluateDraft);
    s = wizardReducer(s, { type: "await-load" });
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, workdir: "/lost" }) });
    s = wizardReducer(s, { type: "await-load" });
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "9300" }) });
    s = wizardReducer(s, { type: "load", spec: a, presetId: "fastapi-uvicorn" });
    s = wizardReducer(s, { type: "load", spec: b, presetId: "django-postgres" });
    expect(s.presetId).toBe("django-postgres");
    expect(s.spec.runtime).toMatchObject({ port: 9300, workdir: b.runtime.workdir });
    expect(s.awaiting).toBe(0);
  });

  it("keeps the same spec and issue lists when an edit does not change them", () => {
    let s = initialState(DEFAULT_SPEC, null, evaluateDraft);
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: " 8000 " }) });
    expect(s.spec).toBe(DEFAULT_SPEC);
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "99999" }) });
    const issues = s.issues;
    s = wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, workdir: "/srv" }) });
    expect(s.issues).toBe(issues);
    const empty = wizardReducer(initialState(DEFAULT_SPEC, null, evaluateDraft), { type: "edit", edit: (d) => ({ ...d, workdir: "/srv" }) }).issues;
    expect(wizardReducer(s, { type: "edit", edit: (d) => ({ ...d, port: "8000" }) }).issues).toBe(empty);
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
