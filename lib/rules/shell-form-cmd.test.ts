import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { shellFormCmd } from "./shell-form-cmd";

describe("shell-form-cmd", () => {
  it("catches (1)", () => {
    expect(lines(shellFormCmd, "FROM python:3.13-slim-trixie\nCMD gunicorn app:app\n")).toEqual([2]);
  });
  it("catches (2)", () => {
    expect(lines(shellFormCmd, "FROM python:3.13-slim-trixie\nENTRYPOINT python app.py\n")).toEqual([2]);
  });
  it("does not catch (1)", () => {
    expect(lines(shellFormCmd, "FROM python:3.13-slim-trixie\nCMD [\"gunicorn\", \"app:app\"]\n")).toEqual([]);
  });
});
