import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { eolImage } from "./eol-image";

describe("eol-image", () => {
  it("catches (1)", () => {
    expect(lines(eolImage, "FROM python:3.8-slim-bullseye\nFROM python:3.12-slim-buster\nFROM python:3.6-alpine\n")).toEqual([1, 2, 3]);
  });
  it("does not catch (1)", () => {
    expect(lines(eolImage, "FROM python:3.13-slim-trixie\nFROM python:3.12-slim-bookworm\nFROM node:18\n")).toEqual([]);
  });
});
