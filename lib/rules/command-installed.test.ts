import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { commandInstalled } from "./command-installed";
import { CURATED } from "../knowledge/full-curated";

describe("command-installed", () => {
  it("catches (1)", () => {
    expect(lines(commandInstalled, "FROM python:3.13-slim-trixie\nCMD [\"gunicorn\", \"app:app\"]\n", "flask\n")).toEqual([2]);
  });
  it("catches (2)", () => {
    expect(lines(commandInstalled, "FROM python:3.13-slim-trixie\nRUN pip install --no-cache-dir flask\nCMD [\"/opt/venv/bin/uvicorn\", \"main:app\"]\n")).toEqual([3]);
  });
  it("does not catch (1)", () => {
    expect(lines(commandInstalled, "FROM python:3.13-slim-trixie\nCMD [\"gunicorn\", \"app:app\"]\n", "flask\ngunicorn==23.0\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(commandInstalled, "FROM python:3.13-slim-trixie\nCMD [\"python\", \"-m\", \"app\"]\n", "flask\n")).toEqual([]);
  });
  it("does not catch (3)", () => {
    expect(lines(commandInstalled, "FROM python:3.13-slim-trixie\nRUN pip install -r requirements.txt\nCMD [\"gunicorn\", \"app:app\"]\n")).toEqual([]);
  });
  it("does not catch (4)", () => {
    expect(lines(commandInstalled, "FROM python:3.13-slim-trixie\nCMD [\"fastapi\", \"run\"]\n", "fastapi[standard]\n")).toEqual([]);
  });
});

describe("command-installed with a program named like an Object member", () => {
  it("does not treat constructor, toString or __proto__ as known console scripts", async () => {
    const { resolve } = await import("../resolve");
    const { BuildSpecSchema, DEFAULT_SPEC } = await import("../spec");
    for (const program of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const plan = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, runtime: { ...DEFAULT_SPEC.runtime, command: [program] } }), CURATED);
      expect(commandInstalled.plan!(plan)).toEqual([]);
    }
  });
});
