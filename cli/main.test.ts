import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
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
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["dockerfile", "dockerignore", "stages", "warnings", "estimate"]));
    expect(json.estimate.status).toBe("estimated");
    expect(json.estimate.sentence).toMatch(/single- and multi-stage|Multi-stage keeps/);
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
  it("render --requirements uv.lock: a native package reached only transitively gets its runtime library", () => {
    const lock = join(__dirname, "../lib/testing/lockfiles/uv.lock");
    const r = cli("render", "--python", "3.12", "--base", "slim-bookworm", "--requirements", lock, "--format", "json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.input.format).toBe("uv-lock");
    expect(json.packages.map((p: { name: string }) => p.name)).toContain("python-ldap");
    expect(json.packages.map((p: { name: string }) => p.name)).not.toContain("pytest");
    const final = json.stages[1].systemPackages.map((p: { name: string }) => p.name);
    expect(final).toContain("libldap-2.5-0");
    expect(json.stages[0].systemPackages.map((p: { name: string }) => p.name)).toContain("libldap2-dev");
    expect(json.input.skipped).toEqual([{ line: 0, text: "pywin32", name: "pywin32", marker: "sys_platform == 'win32'" }]);
    // The lock drives the build: uv sync, with the uv strategy.
    expect(json.dockerfile).toMatch(/uv sync --locked --no-install-project --no-dev/);
    expect(json.dockerfile).not.toContain("requirements.txt");
  });
  it("render --requirements pylock.toml / Pipfile.lock: the lock drives the build (uv reads pylock.toml; pipenv exports Pipfile.lock)", () => {
    const dir = join(__dirname, "../lib/testing/lockfiles");
    const pylock = JSON.parse(cli("render", "--python", "3.12", "--requirements", join(dir, "pylock.toml"), "--format", "json").out);
    expect(pylock.input.format).toBe("pylock");
    expect(pylock.dockerfile).toContain("strategy uv,");
    expect(pylock.dockerfile).toMatch(/--mount=type=bind,source=pylock\.toml,target=\/tmp\/pylock\.toml/);
    expect(pylock.dockerfile).not.toContain("requirements.txt");
    const refused = cli("render", "--python", "3.12", "--strategy", "venv", "--requirements", join(dir, "pylock.toml"));
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/pylock\.toml is installed with the uv strategy/);
    const pipfile = JSON.parse(cli("render", "--python", "3.12", "--requirements", join(dir, "Pipfile.lock"), "--format", "json").out);
    expect(pipfile.input.format).toBe("pipfile-lock");
    expect(pipfile.dockerfile).toMatch(/pipenv requirements --hash > \/tmp\/requirements\.txt/);
    expect(pipfile.dockerfile).toContain("source=Pipfile.lock,target=Pipfile.lock");
  });
  it("render --requirements: the file's pip options become spec fields; a flag given wins", () => {
    const dir = mkdtempSync(join(tmpdir(), "ww-"));
    const file = join(dir, "requirements.txt");
    writeFileSync(file, ["-i https://mirror.example.org/simple", "--extra-index-url https://user:pw@private.example.org/simple", "--trusted-host mirror.example.org", "--pre", "--only-binary :all:", "-f https://download.example.org/wheels/", "flask"].join("\n"));
    const r = cli("render", "--strategy", "venv", "--requirements", file, "--format", "json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.dockerfile).toContain(
      "--index-url https://mirror.example.org/simple --find-links https://download.example.org/wheels/ --trusted-host mirror.example.org --pre --only-binary :all: -r /tmp/requirements.txt",
    );
    // The URL with credentials is not rendered; the report says why.
    expect(json.dockerfile).not.toContain("private.example.org");
    expect(json.input.notes.map((n: { line: number; message: string }) => [n.line, n.message])).toContainEqual([2, expect.stringMatching(/credentials.*build secret/)]);
    const flag = cli("render", "--strategy", "venv", "--requirements", file, "--index-url", "https://other.example.org/simple");
    expect(flag.out).toContain("--index-url https://other.example.org/simple");
    expect(flag.out).not.toContain("mirror.example.org/simple");
  });
  it("render --requirements: an extra index given outside a file whose --index-url pip would reset is warned about, with its line", () => {
    const dir = mkdtempSync(join(tmpdir(), "ww-"));
    const file = join(dir, "requirements.txt");
    writeFileSync(file, "flask\n--index-url https://mirror.example.org/simple\n");
    const r = cli("render", "--strategy", "venv", "--requirements", file, "--extra-index-url", "https://extra.example.org/simple");
    expect(r.status).toBe(0);
    expect(r.err).toMatch(/requirements\.txt:2: warning: --index-url in the file resets pip's index list .*https:\/\/extra\.example\.org\/simple/);
    // Listed in the file too, or no extra index at all: nothing is lost, no warning.
    writeFileSync(file, "flask\n--index-url https://mirror.example.org/simple\n--extra-index-url https://extra.example.org/simple\n");
    expect(cli("render", "--strategy", "venv", "--requirements", file, "--extra-index-url", "https://extra.example.org/simple").err).not.toMatch(/warning/);
    expect(cli("render", "--strategy", "venv", "--requirements", file).err).not.toMatch(/warning/);
  });
  it("render --requirements pyproject.toml: requires-python is checked against the chosen Python, with the versions that fit", () => {
    const dir = mkdtempSync(join(tmpdir(), "ww-"));
    writeFileSync(join(dir, "pyproject.toml"), '[project]\nname = "app"\nrequires-python = ">=3.10,<3.12"\ndependencies = ["flask"]\n');
    const r = cli("render", "--python", "3.12", "--requirements", join(dir, "pyproject.toml"));
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/Python 3\.12 is excluded by the project's requires-python \(>=3\.10,<3\.12\); versions that fit: 3\.11$/m);
    const ok = cli("render", "--python", "3.11", "--requirements", join(dir, "pyproject.toml"));
    expect(ok.status).toBe(0);
    // The project is installed from its pyproject.toml, not from a requirements.txt it does not have.
    expect(ok.out).toMatch(/--mount=type=bind,source=\.,target=\/src,rw/);
    expect(ok.out).not.toContain("requirements.txt");
  });
  it("render --requirements pyproject.toml --extras: the chosen group's packages decide needs (psycopg[c] is compiled against libpq)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ww-"));
    writeFileSync(join(dir, "pyproject.toml"), '[project]\nname = "app"\ndependencies = ["flask"]\n[project.optional-dependencies]\npostgres = ["psycopg[c]>=3.2"]\n');
    const without = JSON.parse(cli("render", "--requirements", join(dir, "pyproject.toml"), "--format", "json").out);
    expect(without.stages[0].systemPackages.map((p: { name: string }) => p.name)).not.toContain("libpq-dev");
    const r = cli("render", "--requirements", join(dir, "pyproject.toml"), "--extras", "postgres", "--format", "json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.stages[0].systemPackages.map((p: { name: string }) => p.name)).toContain("libpq-dev");
    expect(json.stages[1].systemPackages.map((p: { name: string }) => p.name)).toContain("libpq5");
    expect(json.dockerfile).toContain("/src[postgres]");
  });
  it("render --requirements: follows includes on disk, uses the rest of a file with bad lines, lists them with reasons", () => {
    const dir = mkdtempSync(join(tmpdir(), "ww-"));
    writeFileSync(join(dir, "base.txt"), "psycopg2==2.9.10\n");
    writeFileSync(join(dir, "reqs"), ["-r base.txt", "-r missing.txt", "flask", "this is not a requirement!", 'pywin32; sys_platform == "win32"', "-e git+https://github.com/x/tool.git#egg=tool"].join("\n"));
    const r = cli("render", "--requirements", join(dir, "reqs"), "--format-in", "requirements", "--format", "json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.packages.map((p: { name: string }) => p.name)).toEqual(["psycopg2", "flask", "tool"]);
    // The -e git+ line: git in the builder only.
    expect(json.stages[0].systemPackages.map((p: { name: string }) => p.name)).toContain("git");
    expect(json.stages[1].systemPackages.map((p: { name: string }) => p.name)).not.toContain("git");
    expect(json.input.problems.map((p: { line: number; message: string }) => [p.line, p.message])).toEqual([
      [2, expect.stringMatching(/missing\.txt/)],
      [4, expect.stringMatching(/./)],
    ]);
    expect(json.input.skipped.map((s: { line: number; marker: string }) => [s.line, s.marker])).toEqual([[5, 'sys_platform == "win32"']]);
    expect(json.input.includes.map((i: { path: string; read: boolean }) => [i.path, i.read])).toEqual([["base.txt", true], ["missing.txt", false]]);
    const text = cli("render", "--requirements", join(dir, "reqs"), "--format-in", "requirements");
    expect(text.status).toBe(0);
    expect(text.err).toMatch(/reqs:2: not used: .*missing\.txt/);
    expect(cli("render", "--requirements", join(dir, "reqs"), "--format-in", "toml").err).toMatch(/--format-in: must be one of/);
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
    [["render", "--url", "http://localhost:3000/?python=2.7"], /^wheelwright: --url: python: unknown Python version/],
    [["render", "--url", "http://localhost:3000/?packages=numpy,%60id%60"], /^wheelwright: --url: packages: .*`id`/],
    [["render", "--url", "http://localhost:3000/?python=3.12%0ARUN%20id"], /^wheelwright: --url: python: /],
    [["render", "--url", "http://localhost:3000/?s=9.abc"], /^wheelwright: --url: s: share code version 9/],
    [["render", "--url", "http://localhost:3000/?bogus=1"], /^wheelwright: --url: bogus: unknown parameter/],
    [["render", "--url", "http://localhost:3000/", "--preset", "django-postgres"], /^wheelwright: --url: give either/],
    [["url", "--base-url", "not a url"], /^wheelwright: --base-url: /],
    [["url", "--format", "json"], /^wheelwright: .*format/],
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
  describe("share links", () => {
    afterEach(() => vi.unstubAllEnvs());
    it("url → render --url gives the identical Dockerfile, for every preset", () => {
      for (const p of PRESETS) {
        const link = cli("url", "--preset", p.id);
        expect(link.status).toBe(0);
        expect(link.out).toMatch(/^http:\/\/localhost:3000\/\?\S+\n$/);
        const r = cli("render", "--url", link.out.trim());
        expect(r.status).toBe(0);
        expect(r.out).toBe(cli("render", "--preset", p.id).out);
      }
    });
    it("carries flags and long package lists (compact form) through the link", () => {
      const packages = Array.from({ length: 120 }, (_, i) => `pkg-${i}==1.${i}`).join(",");
      const flags = ["--python", "3.12", "--base", "slim-bookworm", "--strategy", "venv", "--packages", packages, "--apt-runtime", "tini"];
      const link = cli("url", ...flags, "--base-url", "https://ww.example/app/");
      expect(link.status).toBe(0);
      expect(link.out).toMatch(/^https:\/\/ww\.example\/app\/\?/);
      expect(cli("render", "--url", link.out.trim()).out).toBe(cli("render", ...flags).out);
      expect(cli("render", "--url", link.out.trim(), "--python", "3.13").out).toContain("FROM python:3.13-slim-bookworm");
    });
    it("prints a short readable link, with the base URL from WHEELWRIGHT_BASE_URL", () => {
      vi.stubEnv("WHEELWRIGHT_BASE_URL", "https://wheelwright.example/");
      const r = cli("url", "--python", "3.12", "--base", "slim-bookworm", "--packages", "psycopg2,numpy==2.1", "--strategy", "venv");
      expect(r.out).toBe("https://wheelwright.example/?python=3.12&base=slim-bookworm&strategy=venv&packages=psycopg2,numpy==2.1\n");
    });
    it("refuses a spec too long for a link, in one line", () => {
      const packages = Array.from({ length: 300 }, (_, i) => `a-rather-long-package-name-${i}>=1.0.0,<2.0.0`).join(",");
      const r = cli("url", "--packages", packages);
      expect(r.status).toBe(2);
      expect(r.err).toMatch(/^wheelwright: url: .*limit is 8000/);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    });
  });
  it("explains what a package needs and why", () => {
    const r = cli("explain", "psycopg2", "--base", "slim-bookworm");
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/Build stage:/);
    expect(r.out).toMatch(/Final image:/);
  });
  it("names the programs a package installs on trixie too (read from its .deb: trixie's Contents is unverified)", () => {
    expect(cli("explain", "flask", "--base", "slim-trixie").out).toMatch(/^Programs it installs: flask$/m);
    expect(cli("explain", "black", "--base", "slim-trixie").out).toMatch(/^Programs it installs: .*\bblack\b/m);
  });
  it("works as the installed bin (node bin/wheelwright.mjs)", () => {
    const help = execFileSync("node", ["bin/wheelwright.mjs", "--help"], { encoding: "utf8" });
    expect(help).toMatch(/wheelwright render/);
    const bad = spawnSync("node", ["bin/wheelwright.mjs", "render", "--python", "2.7"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--python/);
  });
});
