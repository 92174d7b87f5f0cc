import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { venvPython } from "./venv-python";

describe("venv-python", () => {
  it("catches (1)", () => {
    expect(lines(venvPython, "FROM python:3.13-slim-trixie AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install -r /tmp/r.txt\nFROM python:3.13-slim-trixie\nCOPY --from=builder /opt/venv /venv\n")).toEqual([4]);
  });
  it("catches (2)", () => {
    expect(lines(venvPython, "FROM python:3.12-slim-trixie AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install -r /tmp/r.txt\nFROM python:3.13-slim-trixie\nCOPY --from=builder /opt/venv /opt/venv\n")).toEqual([4]);
  });
  it("does not catch (1)", () => {
    expect(lines(venvPython, "FROM python:3.13-slim-trixie AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install -r /tmp/r.txt\nFROM python:3.13-slim-trixie\nCOPY --from=builder /opt/venv /opt/venv\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(venvPython, "FROM python:3.13-slim-trixie AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install -r /tmp/r.txt\nFROM python:3.13-slim-trixie\nCOPY --from=builder /opt/venv/ /opt/venv/\n")).toEqual([]);
  });
});
