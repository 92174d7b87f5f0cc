import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { imageTag } from "./image-tag";

describe("image-tag", () => {
  it("catches (1)", () => {
    expect(lines(imageTag, "FROM python\nFROM python:latest\nFROM registry.example.com:5000/team/python\n")).toEqual([1, 2, 3]);
  });
  it("does not catch (1)", () => {
    expect(lines(imageTag, "FROM python:3.13-slim AS base\nFROM base\nFROM scratch\nFROM python@sha256:0123\nFROM registry.example.com:5000/python:3.13\n")).toEqual([]);
  });
});
