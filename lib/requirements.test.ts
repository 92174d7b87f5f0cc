import { describe, expect, it } from "vitest";
import { parseDependencies, parsePyproject } from "./pyproject";
import { parsePackageList, parseRequirement, parseRequirementsTxt } from "./requirements";

describe("parseRequirement (PEP 508)", () => {
  it.each([
    ["numpy", { name: "numpy", extras: [], specifier: undefined }],
    ["numpy==2.1", { name: "numpy", specifier: "==2.1" }],
    ["uvicorn[standard]>=0.30,<1", { name: "uvicorn", extras: ["standard"], specifier: ">=0.30,<1" }],
    ["psycopg[binary, pool] (>=3.2)", { name: "psycopg", extras: ["binary", "pool"], specifier: ">=3.2" }],
    ['tomli; python_version < "3.11"', { name: "tomli", marker: 'python_version < "3.11"' }],
    ["Py_YAML ~= 6.0", { name: "Py_YAML", specifier: "~= 6.0" }],
  ])("reads %s", (text, expected) => {
    const r = parseRequirement(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.requirement).toMatchObject(expected);
  });
  it.each([
    ["-bad", /package name/],
    ["pkg @ https://example.com/pkg.whl", /direct URL/],
    ["numpy==$(id)", /version specifier/],
    ["numpy; rm -rf /", /marker/],
    ["numpy[ex tra]", /extra/],
    ["numpy; python_version == \"`id`\"", /marker/],
  ])("refuses %s", (text, message) => {
    const r = parseRequirement(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe("parseRequirementsTxt", () => {
  it("handles comments, blank lines, continuations, hashes and markers, and points at bad lines", () => {
    const text = [
      "# production deps",
      "Django>=5.2  # web framework",
      "",
      "psycopg2==2.9.10 \\",
      "    --hash=sha256:" + "a".repeat(64),
      'tomli ; python_version < "3.11"',
      "-r dev.txt",
      "--index-url https://mirror.example/simple",
      "this is not a requirement!",
      "numpy",
    ].join("\n");
    const r = parseRequirementsTxt(text);
    expect(r.requirements.map((q) => q.name)).toEqual(["Django", "psycopg2", "tomli", "numpy"]);
    expect(r.requirements[1].hashes).toEqual(["sha256:" + "a".repeat(64)]);
    // pip accepts --index-url in a file (and reads it in the build): a note, not a refusal (issue 15).
    expect(r.problems.map((p) => p.line)).toEqual([7, 9]);
    expect(r.problems[0].message).toMatch(/another file/);
    expect(r.notes?.map((p) => p.line)).toEqual([8]);
    expect(r.notes?.[0].message).toMatch(/taken into Index URL/);
  });
  it("refuses text over the size limit without parsing it", () => {
    const r = parseRequirementsTxt("a\n".repeat(150_000));
    expect(r.requirements).toEqual([]);
    expect(r.problems[0].message).toMatch(/longer than/);
  });
});

describe("parsePyproject", () => {
  it("reads [project.dependencies]", () => {
    const r = parsePyproject(`[project]\nname = "app"\ndependencies = [\n  "fastapi>=0.115",\n  "uvicorn[standard]",\n  "bad name!",\n]\n`);
    expect(r.requirements.map((q) => q.name)).toEqual(["fastapi", "uvicorn"]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(6);
  });
  it("reads [tool.poetry.dependencies] and skips python", () => {
    const r = parsePyproject(`[tool.poetry.dependencies]\npython = "^3.12"\ndjango = "^5.0"\npsycopg = { version = "^3.2", extras = ["binary"] }\n`);
    expect(r.requirements.map((q) => [q.name, q.extras])).toEqual([["django", []], ["psycopg", ["binary"]]]);
  });
  it("reports invalid TOML instead of throwing", () => {
    const r = parsePyproject(`[project\ndependencies = [`);
    expect(r.requirements).toEqual([]);
    expect(r.problems[0].message).toMatch(/not valid TOML/);
  });
  it("detects the format of pasted text", () => {
    expect(parseDependencies("[project]\ndependencies=['x']\n").format).toBe("pyproject");
    expect(parseDependencies("x\ny\n").format).toBe("requirements");
  });
});

describe("parsePackageList (CLI and short URLs)", () => {
  it("splits on commas between packages but not inside specifiers or extras", () => {
    const r = parsePackageList("psycopg2,numpy==2.1, uvicorn[standard,extra]>=0.30,<1,pandas");
    expect(r.problems).toEqual([]);
    expect(r.requirements.map((q) => [q.name, q.specifier ?? ""])).toEqual([
      ["psycopg2", ""],
      ["numpy", "==2.1"],
      ["uvicorn", ">=0.30,<1"],
      ["pandas", ""],
    ]);
  });
});

describe("parsePyproject: optional groups", () => {
  it("a direct reference is used by name, its Git source recorded", () => {
    const r = parsePyproject(`[project]\nname = "app"\ndependencies = [\n  "mylib @ git+https://github.com/example/mylib.git@v1",\n  "flask",\n]\n`);
    expect(r.problems).toEqual([]);
    expect(r.requirements.map((q) => q.name)).toEqual(["mylib", "flask"]);
    expect(r.sources?.map((s) => [s.name, s.kind, s.line])).toEqual([["mylib", "vcs", 4]]);
  });
  const pep621 = `[project]\nname = "app"\ndependencies = ["flask"]\n[project.optional-dependencies]\npostgres = ["psycopg[c]"]\ns3 = ["boto3"]\n`;
  it("[project.optional-dependencies]: only the chosen groups, the others named in a note", () => {
    expect(parsePyproject(pep621).requirements.map((q) => q.name)).toEqual(["flask"]);
    expect(parsePyproject(pep621).notes?.[0].message).toMatch(/postgres, s3/);
    expect(parsePyproject(pep621, ["Postgres"]).requirements.map((q) => [q.name, q.extras])).toEqual([["flask", []], ["psycopg", ["c"]]]);
  });
  it("Poetry: optional = true only with an extra that names it; dev groups are not read", () => {
    const poetry = `[tool.poetry.dependencies]\npython = "^3.12"\ndjango = "^5.0"\npsycopg2 = { version = "^2.9", optional = true }\n[tool.poetry.extras]\npg = ["psycopg2"]\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\n`;
    expect(parsePyproject(poetry).requirements.map((q) => q.name)).toEqual(["django"]);
    expect(parsePyproject(poetry).notes?.[0].message).toMatch(/psycopg2 is optional/);
    expect(parsePyproject(poetry, ["pg"]).requirements.map((q) => q.name)).toEqual(["django", "psycopg2"]);
  });
  it("lists every group with what it adds, chosen or not (the page adds and drops them as they are chosen)", () => {
    const groups = (text: string) => parsePyproject(text).groups?.map((g) => [g.name, g.requirements.map((q) => `${q.name}${q.extras.length ? `[${q.extras}]` : ""}`)]);
    expect(groups(pep621)).toEqual([["postgres", ["psycopg[c]"]], ["s3", ["boto3"]]]);
    const poetry = `[tool.poetry.dependencies]\npython = "^3.12"\npsycopg2 = { version = "^2.9", optional = true }\nboto3 = { version = ">=1.35", optional = true, extras = ["crt"] }\n[tool.poetry.extras]\npg = ["psycopg2"]\naws = ["boto3", "not-a-dependency"]\n`;
    expect(groups(poetry)).toEqual([["pg", ["psycopg2"]], ["aws", ["boto3[crt]"]]]);
  });
});
