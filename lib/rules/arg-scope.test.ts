import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { argScope } from "./arg-scope";

describe("arg-scope", () => {
  it("catches (1)", () => {
    expect(lines(argScope, "ARG WHEEL_DIST=\"/tmp/wheels\"\nFROM python:3.12-slim AS builder\nRUN pip wheel -w \"${WHEEL_DIST}\" -r r.txt\nFROM python:3.12-slim\nCOPY --from=builder $WHEEL_DIST /w\n")).toEqual([3, 5]);
  });
  it("does not catch (1)", () => {
    expect(lines(argScope, "ARG WHEEL_DIST=\"/tmp/wheels\"\nFROM python:3.12-slim AS builder\nARG WHEEL_DIST\nRUN pip wheel -w \"${WHEEL_DIST}\" -r r.txt\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(argScope, "ARG PY=3.12\nFROM python:${PY}-slim\nRUN echo hi\n")).toEqual([]);
  });
});
