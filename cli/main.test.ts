import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../lib/generate";
import { PRESETS, presetSpec } from "../lib/presets";
import { run } from "./main";

function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const status = run(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { status, out, err };
}

describe("wheelwright CLI", () => {
  it("lists presets, one a line, id first", () => {
    const r = cli("presets");
    expect(r.status).toBe(0);
    expect(r.out.trim().split("\n").map((l) => l.split("\t")[0])).toEqual(PRESETS.map((p) => p.id));
  });
  it("renders a preset byte-identical to the library", () => {
    for (const p of PRESETS) expect(cli("render", "--preset", p.id).out).toBe(generate(presetSpec(p)).dockerfile);
  });
  it("applies flags over a preset", () => {
    const r = cli("render", "--preset", "django-postgres", "--python", "3.12", "--base", "slim-bookworm", "--packages", "psycopg2,numpy==2.1", "--apt-runtime", "tini");
    expect(r.status).toBe(0);
    expect(r.out).toContain("FROM python:3.12-slim-bookworm AS builder");
    expect(r.out).toMatch(/libpq-dev/);
    expect(r.out).toMatch(/\btini\b/);
  });
  it("prints the JSON contract", () => {
    const r = cli("render", "--packages", "psycopg2", "--format", "json");
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["dockerfile", "dockerignore", "stages", "warnings"]));
    expect(json.stages.map((s: { name: string }) => s.name)).toEqual(["builder", "final"]);
    expect(json.stages[0]).toHaveProperty("image");
    expect(json.stages[0]).toHaveProperty("systemPackages");
  });
  it("reads --requirements and --spec files", () => {
    const dir = mkdtempSync(join(tmpdir(), "ww-"));
    writeFileSync(join(dir, "requirements.txt"), "# deps\npsycopg2==2.9.10\nflask\n");
    writeFileSync(join(dir, "spec.json"), JSON.stringify({ python: "3.12", base: "slim-bookworm", strategy: "venv" }));
    const r = cli("render", "--spec", join(dir, "spec.json"), "--requirements", join(dir, "requirements.txt"), "--format", "json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out).packages.map((p: { name: string }) => p.name)).toEqual(["psycopg2", "flask"]);
  });
  it.each([
    [["render", "--python", "3.12\nRUN id"], /^wheelwright: --python: /],
    [["render", "--base", "slim-buster"], /^wheelwright: --base: .*archive/],
    [["render", "--strategy", "copy"], /^wheelwright: --strategy: /],
    [["render", "--packages", "psycopg2;$(id)"], /^wheelwright: --packages: /],
    [["render", "--packages", "ok,`id`"], /^wheelwright: --packages: /],
    [["render", "--apt-build", "gcc && curl x|sh"], /^wheelwright: --apt-build: /],
    [["render", "--apt-runtime", "libpq5\nRUN id"], /^wheelwright: --apt-runtime: /],
    [["render", "--preset", "nope"], /^wheelwright: --preset: /],
    [["render", "--final-base", "alpine"], /^wheelwright: --final-base: .*musl/],
    [["render", "--format", "yaml"], /^wheelwright: --format: /],
    [["render", "--bogus", "1"], /^wheelwright: .*bogus/],
    [["render", "--requirements", "/nonexistent/req.txt"], /^wheelwright: --requirements: cannot read/],
    [["explain", "bad name"], /^wheelwright: PACKAGE: /],
  ])("exits 2 with one line naming the field for %j", (argv, message) => {
    const r = cli(...argv);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
  it("explains what a package needs and why", () => {
    const r = cli("explain", "psycopg2", "--base", "slim-bookworm");
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/Build stage:/);
    expect(r.out).toMatch(/Final image:/);
  });
  it("works as the installed bin (node bin/wheelwright.mjs)", () => {
    const help = execFileSync("node", ["bin/wheelwright.mjs", "--help"], { encoding: "utf8" });
    expect(help).toMatch(/wheelwright render/);
    const bad = spawnSync("node", ["bin/wheelwright.mjs", "render", "--python", "2.7"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--python/);
  });
});
