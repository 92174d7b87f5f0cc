import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLockfile } from "./lockfiles";
import { detectFormat } from "./requirements";

const fixture = (name: string) => readFileSync(join(__dirname, "testing/lockfiles", name), "utf8");
const pairs = (r: ReturnType<typeof parseLockfile>) => r.requirements.map((q) => [q.name, q.specifier, q.marker]);

describe("lock files as input", () => {
  it("detects the format from the file name, else from the content", () => {
    for (const [file, format] of [["uv.lock", "uv-lock"], ["poetry.lock", "poetry-lock"], ["pylock.toml", "pylock"], ["Pipfile.lock", "pipfile-lock"]] as const) {
      expect(detectFormat("", `some/dir/${file}`)).toBe(format);
      expect(detectFormat(fixture(file))).toBe(format);
    }
    expect(detectFormat("", "pylock.prod.toml")).toBe("pylock");
    expect(detectFormat("flask\n")).toBe("requirements");
    expect(detectFormat("[project]\ndependencies = []\n")).toBe("pyproject");
  });

  it("uv.lock: what the project's dependencies reach, transitive ones included, not dev dependencies or the project", () => {
    const r = parseLockfile(fixture("uv.lock"), "uv-lock");
    expect(r.problems).toEqual([]);
    expect(r.requiresPython).toBe(">=3.12");
    expect(pairs(r)).toEqual([
      ["django", "==5.2.1", undefined],
      ["asgiref", "==3.8.1", undefined],
      ["sqlparse", "==0.5.3", undefined],
      ["django-auth-ldap", "==5.1.0", undefined],
      ["python-ldap", "==3.4.4", undefined],
      ["pyasn1", "==0.6.1", undefined],
      ["pyasn1-modules", "==0.4.1", undefined],
      ["pywin32", "==308", "sys_platform == 'win32'"],
    ]);
  });

  it("poetry.lock: main group only, optional packages left out, markers kept", () => {
    const r = parseLockfile(fixture("poetry.lock"), "poetry-lock");
    expect(pairs(r)).toEqual([
      ["psycopg", "==3.2.3", undefined],
      ["typing-extensions", "==4.12.2", 'python_version < "3.13"'],
    ]);
  });

  it("pylock.toml (PEP 751): packages with versions and markers; a marker on lock-only variables is noted, not refused", () => {
    const r = parseLockfile(fixture("pylock.toml"), "pylock");
    expect(pairs(r)).toEqual([
      ["lxml", "==5.3.0", "python_version >= '3.11'"],
      ["colorama", "==0.4.6", "sys_platform == 'win32'"],
      ["attrs", "==24.2.0", undefined],
      ["tool", undefined, undefined],
    ]);
    expect(r.notes?.[0].message).toMatch(/tool's marker .*dependency_groups/);
    expect(r.sources).toEqual([{ line: expect.any(Number), name: "tool", kind: "vcs", location: "git+https://github.com/example/tool.git", editable: false }]);
  });

  it("Pipfile.lock: the default section, with extras and markers", () => {
    const r = parseLockfile(fixture("Pipfile.lock"), "pipfile-lock");
    expect(r.requiresPython).toBe("==3.12.*");
    expect(r.requirements.map((q) => [q.name, q.extras, q.specifier, q.marker])).toEqual([
      ["pillow", [], "==9.1.0", "python_version >= '3.9'"],
      ["uvicorn", ["standard"], "==0.32.0", undefined],
    ]);
  });

  it("reports a broken file instead of throwing", () => {
    expect(parseLockfile("[[package]\nname=", "uv-lock").problems[0].message).toMatch(/not valid TOML/);
    expect(parseLockfile("{", "pipfile-lock").problems[0].message).toMatch(/not valid JSON/);
    expect(parseLockfile("[1]", "pipfile-lock").problems[0].message).toMatch(/not valid JSON/);
  });
});
