import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { gdalPinned } from "./gdal-pinned";

describe("gdal-pinned", () => {
  it("catches (1)", () => {
    expect(lines(gdalPinned, "FROM python:3.13-slim-trixie\nRUN pip install --no-cache-dir -r requirements.txt\n", "GDAL\n")).toEqual([2]);
  });
  it("does not catch (1)", () => {
    expect(lines(gdalPinned, "FROM python:3.13-slim-trixie\nRUN pip install --no-cache-dir \"GDAL==$(gdal-config --version)\" && pip install --no-cache-dir -r requirements.txt\n", "GDAL\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(gdalPinned, "FROM python:3.13-slim-trixie\nRUN pip install --no-cache-dir GDAL==3.10.3\n")).toEqual([]);
  });
  it("does not catch (3)", () => {
    expect(lines(gdalPinned, "FROM python:3.13-slim-trixie\nRUN pip install --no-cache-dir -r requirements.txt\n", "flask\n")).toEqual([]);
  });
});
