import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../lib/generate";
import { planInit } from "../lib/init";
import { renderCompose } from "../lib/render/compose";
import { readProjectFolder } from "./init";
import { run } from "./main";

const FIXTURES = join(import.meta.dirname, "fixtures");

/** A copy of a fixture folder in a temporary folder, so init can write there. */
function copyOf(fixture: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "ww-init-")), fixture);
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const status = run(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { status, out, err };
}

describe("wheelwright init on fixture folders", () => {
  it("Django + PostgreSQL: writes the three files, each what the library renders for the decisions", () => {
    const dir = copyOf("django-postgres");
    const r = cli("init", dir);
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    const plan = planInit(readProjectFolder(dir));
    if (!plan.ok) throw new Error(plan.message);
    const g = generate(plan.spec);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(g.dockerfile);
    expect(readFileSync(join(dir, ".dockerignore"), "utf8")).toBe(g.dockerignore);
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toBe(renderCompose(g.plan, { service: "django-postgres", envFile: true }));
    expect(g.dockerfile).toContain("FROM python:3.12-slim-trixie AS builder");
    expect(g.dockerfile).toContain('CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi:application"]');
    expect(g.dockerfile).toContain('DJANGO_SETTINGS_MODULE="mysite.settings"');
    expect(g.dockerfile).toContain("urlopen('http://127.0.0.1:8000/healthz/'");
    expect(r.out).toMatch(/Python +3\.12\n +\(\.python-version says 3\.12\)/);
    expect(r.out).toMatch(/Env file +\.env/);
    expect(readdirSync(dir).sort()).toEqual([".dockerignore", ".env", ".python-version", "Dockerfile", "compose.yaml", "manage.py", "mysite", "requirements.txt"]);
  });
  it("FastAPI pyproject: Python from requires-python, uvicorn, /health, requirements.txt written from pyproject", () => {
    const dir = copyOf("fastapi-pyproject");
    const r = cli("init", dir);
    expect(r.status).toBe(0);
    const dockerfile = readFileSync(join(dir, "Dockerfile"), "utf8");
    expect(dockerfile).toContain("FROM python:3.13-slim-trixie AS builder");
    expect(dockerfile).toContain('CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]');
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toContain("/health'");
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).not.toContain("env_file");
    expect(readFileSync(join(dir, "requirements.txt"), "utf8")).toMatch(/^fastapi>=0\.115$/m);
  });
  it("Flask requirements: gunicorn on app:app, and says gunicorn is missing from the dependencies", () => {
    const dir = copyOf("flask-requirements");
    const r = cli("init", dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain('CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]');
    expect(r.out).toMatch(/note: gunicorn is not among the dependencies/);
    expect(r.out).toMatch(/note: also found requirements-dev\.txt/);
  });
  it("an empty folder: one line, exit 2, nothing written", () => {
    const dir = copyOf("empty");
    const r = cli("init", dir);
    expect(r.status).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^wheelwright: init: no Python project in empty: /);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(["README.md"]);
  });
  it("never overwrites without --force; --force replaces", () => {
    const dir = copyOf("flask-requirements");
    writeFileSync(join(dir, "compose.yaml"), "mine\n");
    const r = cli("init", dir);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/^wheelwright: init: compose\.yaml already exists in .*nothing written/);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toBe("mine\n");
    expect(existsSync(join(dir, "Dockerfile"))).toBe(false);
    const forced = cli("init", dir, "--force");
    expect(forced.status).toBe(0);
    expect(forced.out).toMatch(/replaced .*compose\.yaml/);
    expect(readFileSync(join(dir, "compose.yaml"), "utf8")).toMatch(/^services:$/m);
  });
  it("--dry-run prints the files and writes nothing", () => {
    const dir = copyOf("django-postgres");
    const before = readdirSync(dir).sort();
    const r = cli("init", dir, "--dry-run");
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/--- Dockerfile \(--dry-run: not written\)\n# syntax=docker\/dockerfile:1/);
    expect(r.out).toMatch(/--- compose\.yaml \(--dry-run: not written\)\n# Generated by Wheelwright/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
  it("refuses a path that is not a folder, and a second folder", () => {
    expect(cli("init", join(FIXTURES, "nope")).err).toMatch(/^wheelwright: init: .* is not a folder\n$/);
    expect(cli("init", "a", "b").err).toMatch(/at most one folder/);
  });
});
