import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { pipCache } from "./pip-cache";

describe("pip-cache", () => {
  it("catches (1)", () => {
    expect(lines(pipCache, "FROM python:3.13-slim-trixie\nRUN pip install -r requirements.txt\n")).toEqual([2]);
  });
  it("does not catch (1)", () => {
    expect(lines(pipCache, "FROM python:3.13-slim-trixie\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(pipCache, "FROM python:3.13-slim-trixie\nRUN pip install --no-cache-dir -r requirements.txt\n")).toEqual([]);
  });
  it("does not catch (3)", () => {
    expect(lines(pipCache, "FROM python:3.13-slim-trixie\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n")).toEqual([]);
  });
});
