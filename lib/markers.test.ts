import { describe, expect, it } from "vitest";
import { evaluateMarker, markerEnvironment } from "./markers";

const py312 = markerEnvironment("3.12", "3.12.13", "linux/amd64");
const arm311 = markerEnvironment("3.11", "3.11.11", "linux/arm64");

describe("evaluateMarker (PEP 508)", () => {
  it.each([
    ['python_version < "3.11"', false, false],
    ['python_version <= "3.11"', false, true],
    ['python_version >= "3.12"', true, false],
    ["python_version == '3.12'", true, false],
    ['python_version ~= "3.10"', true, true],
    ['python_full_version >= "3.12.1"', true, false],
    ['python_version == "3.*"', true, true],
    ['sys_platform == "win32"', false, false],
    ['sys_platform != "win32" and platform_python_implementation == "CPython"', true, true],
    ['platform_machine == "aarch64"', false, true],
    ['platform_machine in "x86_64 AMD64"', true, false],
    ['platform_machine not in "x86_64 AMD64"', false, true],
    ['os_name == "nt" or (python_version >= "3.12" and platform_system == "Linux")', true, false],
    ['"3.12" <= python_version', true, false],
    ['implementation_name == "cpython"', true, true],
  ])("%s", (marker, at312, atArm311) => {
    expect(evaluateMarker(marker, py312)).toBe(at312);
    expect(evaluateMarker(marker, arm311)).toBe(atArm311);
  });
  it("extras: false without, true with the extra", () => {
    expect(evaluateMarker('extra == "c"', py312)).toBe(false);
    expect(evaluateMarker('extra == "c"', py312, ["c"])).toBe(true);
    expect(evaluateMarker('python_version >= "3.8" and extra == "Binary_Pkg"', py312, ["binary-pkg"])).toBe(true);
  });
  it("is undecided on what only the running image knows, and on malformed text", () => {
    expect(evaluateMarker('platform_release >= "6"', py312)).toBeUndefined();
    expect(evaluateMarker('platform_release >= "6" or os_name == "posix"', py312)).toBe(true);
    expect(evaluateMarker('python_version <', py312)).toBeUndefined();
    expect(evaluateMarker('(python_version < "3"', py312)).toBeUndefined();
    expect(evaluateMarker('bogus_var == "1"', py312)).toBeUndefined();
  });
});
