import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./main";

function cli(argv: string[]) {
  let out = "";
  let err = "";
  const status = run(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { status, out, err };
}
const dir = mkdtempSync(path.join(tmpdir(), "ww-audit-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("wheelwright audit", () => {
  it("JSON findings with line numbers; exit 1 on an error finding", () => {
    const df = file("a.Dockerfile", 'FROM python:3.13-slim-trixie\nUSER 10001:10001\nCMD ["gunicorn", "app:app"]\n');
    const reqs = file("r.txt", "flask\n");
    const r = cli(["audit", df, "--requirements", reqs, "--format", "json"]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ findings: [{ rule: "command-installed", severity: "error", line: 3, message: expect.stringContaining("gunicorn") }] });
  });
  it("a program only Debian's data knows (pytest's console script) is checked too", () => {
    const df = file("p.Dockerfile", 'FROM python:3.13-slim-trixie\nUSER 1:1\nCMD ["pytest", "-q"]\n');
    expect(cli(["audit", df, "--requirements", file("r2.txt", "flask\n")]).status).toBe(1);
    expect(cli(["audit", df, "--requirements", file("r3.txt", "pytest\n")]).status).toBe(0);
  });
  it("exit 0 when only warnings; text lines name the rule", () => {
    const df = file("b.Dockerfile", "FROM python:3.13-slim-trixie\nCMD python app.py\n");
    const r = cli(["audit", df]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^line 1: warning \[root-user\]/m);
    expect(r.out).toMatch(/^line 2: warning \[shell-form-cmd\]/m);
  });
  it("every preset's golden Dockerfile exits 0", () => {
    for (const id of ["django-postgres", "fastapi-uvicorn", "celery-worker", "seed-002-flask-gunicorn"])
      expect(cli(["audit", path.join(__dirname, "..", "lib", "presets", "golden", `${id}.Dockerfile`)]).status).toBe(0);
  });
  it("refuses a missing file, a file over the limit, and a bad format (exit 2)", () => {
    expect(cli(["audit", path.join(dir, "none")]).status).toBe(2);
    expect(cli(["audit", file("big", "#".repeat(300 * 1024))]).err).toMatch(/larger than/);
    expect(cli(["audit", file("c", "FROM python:3.13\n"), "--format", "xml"]).status).toBe(2);
  });
});

describe("wheelwright triage", () => {
  it("names the package and the fix for the chosen base", () => {
    const r = cli(["triage", path.join(__dirname, "..", "lib", "triage", "logs", "libpq.log"), "--base", "slim-bookworm"]);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/libpq\.so\.5 is missing/);
    expect(r.out).toMatch(/Install libpq5 in the final stage/);
  });
  it("JSON, and Alpine's apk names", () => {
    const r = cli(["triage", path.join(__dirname, "..", "lib", "triage", "logs", "pg_config.log"), "--base", "alpine", "--format", "json"]);
    expect(JSON.parse(r.out).diagnoses[0]).toMatchObject({ missing: "pg_config", packages: ["libpq-dev"], stage: "build" });
    expect(r.out).toMatch(/apk add --no-cache libpq-dev/);
  });
  it("refuses an unknown base", () => {
    expect(cli(["triage", "x.log", "--base", "windows"]).status).toBe(2);
  });
});
