import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { finalBuildTools } from "./final-build-tools";

describe("final-build-tools", () => {
  it("catches (1)", () => {
    expect(lines(finalBuildTools, "FROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev libpq5\n")).toEqual([2]);
  });
  it("does not catch (1)", () => {
    expect(lines(finalBuildTools, "FROM python:3.13-slim-trixie AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nFROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n")).toEqual([]);
  });
});
