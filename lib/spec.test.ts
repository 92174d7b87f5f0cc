import { describe, expect, it } from "vitest";
import { PYTHON_VERSIONS, variantsFor } from "./knowledge/python-images";
import { BuildSpecSchema, DEFAULT_SPEC, parseSpec } from "./spec";

describe("the build spec", () => {
  it("offers every current minor version, the 3.15 pre-release and the seeds' end-of-life versions", () => {
    const byVersion = Object.fromEntries(PYTHON_VERSIONS.map((p) => [p.version, p]));
    for (const v of ["3.10", "3.11", "3.12", "3.13", "3.14"]) expect(byVersion[v].variants).toContain("slim-trixie");
    expect(byVersion["3.15"].status).toBe("prerelease");
    expect(byVersion["3.15"].tagPrefix).toBe("3.15-rc");
    for (const v of ["3.6", "3.8", "3.9"]) expect(byVersion[v].status).toBe("end-of-life");
    expect(variantsFor("3.8")).toContain("slim-bullseye");
    expect(variantsFor("3.9")).toContain("slim-bullseye");
    expect(variantsFor("3.6")).toContain("alpine");
  });
  it("fills defaults: non-root user, cache mounts, bytecode and buffering env", () => {
    const s = BuildSpecSchema.parse({ python: "3.13", base: "slim-trixie", strategy: "uv" });
    expect(s.runtime.user).toEqual({ enabled: true, name: "app", uid: 10001 });
    expect(s.cacheMounts).toBe(true);
    expect(s.runtime.pythonDontWriteBytecode && s.runtime.pythonUnbuffered).toBe(true);
    expect(s.platform).toBe("linux/amd64");
  });
  it("refuses a variant the version is not published with, naming the field", () => {
    const r = parseSpec({ ...DEFAULT_SPEC, python: "3.14", base: "slim-bullseye" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ field: "base", message: expect.stringMatching(/not published as slim-bullseye/) });
  });
  it("refuses buster with the reason", () => {
    const r = parseSpec({ ...DEFAULT_SPEC, python: "3.9", base: "slim-buster" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/archive\.debian\.org/);
  });
  it.each([
    [{ systemPackages: { build: ["gcc;ls"], runtime: [], omit: [] } }, "systemPackages.build.0"],
    [{ systemPackages: { build: [], runtime: ["Libpq5"], omit: [] } }, "systemPackages.runtime.0"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, workdir: "/app\nRUN id" } }, "runtime.workdir"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, workdir: "relative" } }, "runtime.workdir"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, copy: ["../secrets"] } }, "runtime.copy.0"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, copy: ["src dir"] } }, "runtime.copy.0"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, command: ["gunicorn", "app:app\nRUN id"] } }, "runtime.command.1"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, command: ["x\u2028y"] } }, "runtime.command.0"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, env: [{ name: "A B", value: "x" }] } }, "runtime.env.0.name"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, env: [{ name: "A", value: "x\\\ny" }] } }, "runtime.env.0.value"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, port: 70000 } }, "runtime.port"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, user: { enabled: true, name: "root;id", uid: 10001 } } }, "runtime.user.name"],
    [{ runtime: { ...DEFAULT_SPEC.runtime, healthcheck: { enabled: true, path: "/h'ealth" } } }, "runtime.healthcheck.path"],
    [{ packages: [{ name: "bad name" }] }, "packages.0.name"],
    [{ packages: [{ name: "ok", specifier: "==1;id" }] }, "packages.0.specifier"],
    [{ strategy: "copy-everything" }, "strategy"],
    [{ platform: "linux/s390x" }, "platform"],
  ])("refuses %j at %s", (over, field) => {
    const r = parseSpec({ ...DEFAULT_SPEC, ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field)).toContain(field);
  });
  it("refuses uv for Python 3.6 and uv.lock without uv", () => {
    const a = parseSpec({ ...DEFAULT_SPEC, python: "3.6", base: "alpine", strategy: "uv" });
    expect(a.ok || a.issues[0].field).toBe("strategy");
    const b = parseSpec({ ...DEFAULT_SPEC, strategy: "venv", dependencySource: "uv-lock" });
    expect(b.ok || b.issues[0].field).toBe("dependencySource");
  });
  it("keeps Alpine-only names (underscore) to Alpine", () => {
    expect(parseSpec({ ...DEFAULT_SPEC, systemPackages: { build: ["py3_x"], runtime: [], omit: [] } }).ok).toBe(false);
    expect(parseSpec({ ...DEFAULT_SPEC, base: "alpine", systemPackages: { build: ["py3_x"], runtime: [], omit: [] } }).ok).toBe(true);
  });
});
