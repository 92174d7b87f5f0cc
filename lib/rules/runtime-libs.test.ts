import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { runtimeLibs } from "./runtime-libs";

describe("runtime-libs", () => {
  it("catches (1)", () => {
    expect(lines(runtimeLibs, "FROM python:3.12-slim-bookworm AS builder\nRUN pip wheel -w /w -r r.txt\nFROM python:3.12-slim-bookworm\nCOPY --from=builder /w /w\nRUN pip install /w/*.whl\n", "pyodbc\n")).toEqual([3]);
  });
  it("does not catch (1)", () => {
    expect(lines(runtimeLibs, "FROM python:3.12-slim-bookworm AS builder\nRUN pip wheel -w /w -r r.txt\nFROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libodbc2 && rm -rf /var/lib/apt/lists/*\nRUN pip install /w/*.whl\n", "pyodbc\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(runtimeLibs, "FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libpq-dev gcc\nRUN pip install -r r.txt\n", "psycopg2\n")).toEqual([]);
  });
  it("does not catch (3)", () => {
    expect(lines(runtimeLibs, "FROM python:3.12-slim-bookworm\nRUN pip install -r r.txt\n", "psycopg2-binary\nflask\n")).toEqual([]);
  });
});
