import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { readableByUser } from "./readable-by-user";

describe("readable-by-user", () => {
  it("catches (1)", () => {
    expect(lines(readableByUser, "FROM python:3.13-slim-trixie\nCOPY --chmod=700 . /app\nUSER 10001:10001\n")).toEqual([2]);
  });
  it("catches (2)", () => {
    expect(lines(readableByUser, "FROM python:3.13-slim-trixie\nCOPY . /app\nRUN chmod -R 700 /app\nUSER app\n")).toEqual([3]);
  });
  it("does not catch (1)", () => {
    expect(lines(readableByUser, "FROM python:3.13-slim-trixie\nCOPY --chown=10001:10001 --chmod=700 . /app\nUSER 10001:10001\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(readableByUser, "FROM python:3.13-slim-trixie\nCOPY --chmod=755 . /app\nUSER app\n")).toEqual([]);
  });
  it("does not catch (3)", () => {
    expect(lines(readableByUser, "FROM python:3.13-slim-trixie\nCOPY --chmod=700 . /app\n")).toEqual([]);
  });
});
