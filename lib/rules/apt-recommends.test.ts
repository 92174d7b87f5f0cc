import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { aptRecommends } from "./apt-recommends";

describe("apt-recommends", () => {
  it("catches (1)", () => {
    expect(lines(aptRecommends, "FROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y gcc\n")).toEqual([2]);
  });
  it("does not catch (1)", () => {
    expect(lines(aptRecommends, "FROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(aptRecommends, "FROM python:3.13-slim-trixie\nRUN apk add --no-cache gcc\n")).toEqual([]);
  });
});
