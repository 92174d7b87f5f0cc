import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { rootUser } from "./root-user";

describe("root-user", () => {
  it("catches (1)", () => {
    expect(lines(rootUser, "FROM python:3.13-slim-trixie\nCMD [\"python\"]\n")).toEqual([1]);
  });
  it("catches (2)", () => {
    expect(lines(rootUser, "FROM python:3.13-slim-trixie\nUSER app\nUSER root\n")).toEqual([3]);
  });
  it("does not catch (1)", () => {
    expect(lines(rootUser, "FROM python:3.13-slim-trixie\nUSER 10001:10001\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(rootUser, "FROM python:3.13 AS b\nFROM python:3.13-slim\nUSER app\n")).toEqual([]);
  });
});
