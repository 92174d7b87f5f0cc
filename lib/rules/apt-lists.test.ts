import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { aptLists } from "./apt-lists";

describe("apt-lists", () => {
  it("catches (1)", () => {
    expect(lines(aptLists, "FROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\n")).toEqual([2]);
  });
  it("does not catch (1)", () => {
    expect(lines(aptLists, "FROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(aptLists, "FROM python:3.13-slim-trixie\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y --no-install-recommends gcc\n")).toEqual([]);
  });
});
