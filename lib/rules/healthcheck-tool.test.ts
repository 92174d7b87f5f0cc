import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { healthcheckTool } from "./healthcheck-tool";

describe("healthcheck-tool", () => {
  it("catches (1)", () => {
    expect(lines(healthcheckTool, "FROM python:3.13-slim-trixie\nHEALTHCHECK CMD curl -f http://127.0.0.1:8000/ || exit 1\n")).toEqual([2]);
  });
  it("catches (2)", () => {
    expect(lines(healthcheckTool, "FROM python:3.13-alpine\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://127.0.0.1/\"]\n")).toEqual([2]);
  });
  it("does not catch (1)", () => {
    expect(lines(healthcheckTool, "FROM python:3.13-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://127.0.0.1:8000/\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(healthcheckTool, "FROM python:3.13-alpine\nHEALTHCHECK CMD wget -q -O- http://127.0.0.1/\n")).toEqual([]);
  });
  it("does not catch (3)", () => {
    expect(lines(healthcheckTool, "FROM python:3.13-slim-trixie\nHEALTHCHECK CMD [\"python\", \"-c\", \"import urllib.request\"]\n")).toEqual([]);
  });
  it("does not catch (4)", () => {
    expect(lines(healthcheckTool, "FROM python:3.13\nHEALTHCHECK CMD curl -f http://127.0.0.1/\n")).toEqual([]);
  });
});
