import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rebuildFromDockerfile } from "./rebuild";

describe("rebuildFromDockerfile", () => {
  it("reads the fat single-stage file: version, packages, system packages split by role, command, port, user", () => {
    const text = 'FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y gcc libpq-dev libpq5\nRUN pip install --no-cache-dir flask gunicorn "psycopg2>=2.9"\nUSER 10001:10001\nEXPOSE 5000\nCMD ["gunicorn", "-b", "0.0.0.0:5000", "app:app"]\n';
    const r = rebuildFromDockerfile(text);
    expect(r.spec.python).toBe("3.12");
    expect(r.spec.base).toBe("slim-bookworm");
    expect(r.spec.packages.map((p) => p.name)).toEqual(["flask", "gunicorn", "psycopg2"]);
    expect(r.spec.systemPackages.build).toEqual(["gcc", "libpq-dev"]);
    expect(r.spec.systemPackages.runtime).toEqual(["libpq5"]);
    expect(r.spec.runtime.command).toEqual(["gunicorn", "-b", "0.0.0.0:5000", "app:app"]);
    expect(r.spec.runtime.port).toBe(5000);
    expect(r.spec.runtime.user.enabled).toBe(true);
    expect(r.spec.runtime.user.uid).toBe(10001);
  });
  it("seed 002 with its requirements: an end-of-life Python is named as dropped, root is kept as root", () => {
    const dir = path.join(__dirname, "golden");
    const r = rebuildFromDockerfile(readFileSync(path.join(dir, "seed-002.Dockerfile"), "utf8"), readFileSync(path.join(dir, "seed-002.requirements.txt"), "utf8"));
    expect(r.spec.packages.map((p) => p.name)).toEqual(["flask", "gunicorn"]);
    expect(r.spec.runtime.port).toBe(5000);
    expect(r.dropped.join(" ") + r.read.join(" ")).toMatch(/3\.9/);
  });
  it("a hostile command the schema refuses is dropped, not injected", () => {
    const r = rebuildFromDockerfile('FROM python:3.13-slim-trixie\nCMD ["gunicorn", "a\\nRUN rm -rf /"]\n');
    expect(r.spec.runtime.command.join(" ")).not.toMatch(/\n/);
  });
});
