import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { markerEnvironment } from "./markers";
import { fileOptionsToSpec, gitPackagesOf, parseRequirementsTxt, type ParseOptions } from "./requirements";
import { CURATED } from "./knowledge/full-curated";
import { resolve } from "./resolve";
import { BuildSpecSchema, DEFAULT_SPEC } from "./spec";

const DIR = join(__dirname, "testing/requirements");
const readInclude: ParseOptions["readInclude"] = (path, from) => {
  const name = normalize(join(from ? dirname(from) : "", path));
  try {
    return { text: readFileSync(join(DIR, name), "utf8"), name };
  } catch {
    return undefined;
  }
};
const full = readFileSync(join(DIR, "full.txt"), "utf8");
const lineOf = (needle: string) => full.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("pip's requirements-file format (pip docs: Requirements File Format)", () => {
  const env = markerEnvironment("3.12", "3.12.13", "linux/amd64");
  const pasted = parseRequirementsTxt(full, { environment: env });
  const onDisk = parseRequirementsTxt(full, { environment: env, readInclude });

  it("uses every requirement line pip accepts, whatever else the file holds", () => {
    expect(pasted.requirements.map((r) => r.name)).toEqual([
      "docopt", "requests", "urllib3", "mylib", "tool", "numpy", "wxPython_Phoenix", "FooProject", "psycopg2", "uvloop", "pywin32", "numpy", "numpy",
    ]);
    expect(pasted.requirements.find((r) => r.name === "requests")).toMatchObject({ extras: ["security"], specifier: ">= 2.8.1, == 2.8.*", marker: 'python_version < "2.7"' });
    expect(pasted.requirements.find((r) => r.name === "psycopg2")?.hashes).toEqual(["sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64)]);
    expect(pasted.requirements.find((r) => r.name === "FooProject")?.specifier).toBe(">= 1.2");
    // A wheel's file name gives its name and version.
    expect(pasted.requirements[5]).toMatchObject({ name: "numpy", specifier: "==1.9.2" });
  });

  it("lists each unusable line with its number and reason", () => {
    const byLine = Object.fromEntries(pasted.problems.map((p) => [p.line, p.message]));
    expect(Object.keys(byLine).map(Number)).toEqual([lineOf("-r base.txt"), lineOf("-c constraints"), lineOf("-e ./local"), lineOf("PRIVATE_VERSION"), lineOf("--bogus")]);
    expect(byLine[lineOf("-r base.txt")]).toMatch(/another file \(base\.txt\), which was not pasted/);
    expect(byLine[lineOf("-c constraints")]).toMatch(/constraints.*not pasted/);
    expect(byLine[lineOf("-e ./local")]).toMatch(/local project/);
    expect(byLine[lineOf("PRIVATE_VERSION")]).toMatch(/\$\{PRIVATE_VERSION\}/);
    expect(byLine[lineOf("--bogus")]).toMatch(/does not know the option --bogus-option/);
  });

  it("reads the global options", () => {
    expect(pasted.options).toEqual({
      indexUrl: "https://pypi.example.org/simple",
      extraIndexUrls: ["https://user:s3cret@private.example.org/simple"],
      findLinks: ["./wheels"],
      trustedHosts: ["pypi.example.org"],
      noIndex: false,
      pre: true,
      preferBinary: true,
      requireHashes: false,
      noBinary: ["pyodbc", "lxml"],
      onlyBinary: [":all:"],
    });
    const credentials = pasted.notes?.find((n) => n.line === lineOf("--extra-index-url"));
    expect(credentials?.message).toMatch(/credentials in its URL, so it is not in Extra index URLs.*build secret/);
  });

  it("records VCS, URL and path sources", () => {
    expect(pasted.sources?.map((s) => [s.name, s.kind, s.editable])).toEqual([
      ["urllib3", "url", false],
      ["mylib", "vcs", false],
      ["tool", "vcs", true],
      [undefined, "path", true],
      ["numpy", "path", false],
      ["wxPython_Phoenix", "url", false],
    ]);
    expect(pasted.sources?.[1].location).toBe("git+https://github.com/example/mylib.git@v1.2#subdirectory=src");
  });

  it("lists false markers as skipped, with the marker", () => {
    expect(pasted.skipped?.map((s) => [s.name, s.marker])).toEqual([
      ["requests", 'python_version < "2.7"'],
      ["pywin32", 'sys_platform == "win32"'],
      ["numpy", 'python_version < "3.12"'],
    ]);
  });

  it("follows relative includes on disk, once each, with the including file's directory", () => {
    expect(onDisk.includes?.map((i) => [i.path, i.kind, i.read])).toEqual([
      ["base.txt", "requirements", true],
      ["sub/extra.txt", "requirements", true],
      ["../base.txt", "requirements", true],
      ["constraints.txt", "constraints", true],
    ]);
    const names = onDisk.requirements.map((r) => r.name);
    expect(names.slice(0, 2)).toEqual(["Django", "lxml"]);
    // The constraint's pin applies to the listed lxml.
    expect(onDisk.requirements.find((r) => r.name === "lxml")?.specifier).toBe("==5.3.0");
    expect(onDisk.problems.some((p) => /not pasted/.test(p.message))).toBe(false);
  });

  it("reports problems of an included file with the file's name", () => {
    const r = parseRequirementsTxt("-r inc.txt\nflask\n", { readInclude: () => ({ text: "ok\nbad line!\n", name: "inc.txt" }) });
    expect(r.requirements.map((q) => q.name)).toEqual(["ok", "flask"]);
    expect(r.problems).toEqual([{ line: 2, text: "bad line!", message: expect.any(String), file: "inc.txt" }]);
  });

  it("continuations, comments and option spellings", () => {
    const r = parseRequirementsTxt(["# comment \\", "flask \\", "  >=3 # trailing", "a#b", "-rother.txt", "--requirement=x.txt", "--only-binary", ":none:"].join("\n"));
    // A comment line never continues; "#" without whitespace before it is not a comment (pip), so "a#b" is refused.
    expect(r.requirements.map((q) => [q.name, q.specifier])).toEqual([["flask", ">=3"]]);
    expect(r.problems.find((p) => p.line === 4)).toBeDefined();
    expect(r.includes?.map((i) => i.path)).toEqual(["other.txt", "x.txt"]);
    expect(r.problems.find((p) => p.line === 7)?.message).toMatch(/needs a value/);
  });

  it("refuses options pip does not allow after a requirement, and bad hashes, per line", () => {
    const r = parseRequirementsTxt("flask --pre\nnumpy --hash=md5:abc\nok\n");
    expect(r.requirements.map((q) => q.name)).toEqual(["ok"]);
    expect(r.problems.map((p) => [p.line, /per-requirement|--hash/.test(p.message)])).toEqual([[1, true], [2, true]]);
  });

  it("a VCS line without a name is listed, not guessed", () => {
    const r = parseRequirementsTxt("-e git+https://github.com/x/y.git\n");
    expect(r.requirements).toEqual([]);
    expect(r.problems[0].message).toMatch(/#egg=NAME/);
  });
});

describe("the file's own pip options become spec fields (fileOptionsToSpec), so the plan and its checks see them", () => {
  const optionsOf = (...lines: string[]) => {
    const r = parseRequirementsTxt([...lines, "flask"].join("\n"));
    return { spec: fileOptionsToSpec(r.options), notes: (r.notes ?? []).map((n) => n.message) };
  };
  it("--index-url / -i: taken when the spec's grammar accepts it; with credentials it stays with pip, noted", () => {
    expect(optionsOf("-i https://mirror.example.org/simple")).toEqual({ spec: { indexUrl: "https://mirror.example.org/simple" }, notes: [expect.stringMatching(/taken into Index URL/)] });
    const secret = optionsOf("--index-url https://token@mirror.example.org/simple");
    expect(secret.spec).toEqual({});
    expect(secret.notes).toEqual([expect.stringMatching(/credentials in its URL, so it is not in Index URL.*build secret/)]);
  });
  it("--extra-index-url: every accepted one, once; one with ${VAR} stays with pip", () => {
    const r = optionsOf("--extra-index-url https://a.example.org/simple", "--extra-index-url=https://a.example.org/simple", "--extra-index-url https://${HOST}/simple", "--extra-index-url https://b.example.org/simple");
    expect(r.spec).toEqual({ extraIndexUrls: ["https://a.example.org/simple", "https://b.example.org/simple"] });
    expect(r.notes[2]).toMatch(/\$\{HOST\}.*not in Extra index URLs/);
  });
  it("--find-links / -f: an http(s) page is taken; a local directory is not in the builder, noted", () => {
    const r = optionsOf("-f https://download.example.org/wheels/", "--find-links ./wheels");
    expect(r.spec).toEqual({ findLinks: ["https://download.example.org/wheels/"] });
    expect(r.notes[1]).toMatch(/local path is not in the builder.*not in Find links/);
  });
  it("--trusted-host: host names (with a port) are taken; anything else is noted", () => {
    const r = optionsOf("--trusted-host pypi.example.org:8080", "--trusted-host bad_host!");
    expect(r.spec).toEqual({ trustedHosts: ["pypi.example.org:8080"] });
    expect(r.notes).toEqual([expect.stringMatching(/bad_host!: .*not in Trusted hosts/)]);
  });
  it("--pre turns pre-releases on", () => {
    expect(optionsOf("--pre").spec).toEqual({ pre: true });
    expect(optionsOf().spec).toEqual({});
  });
  it("--no-binary and --only-binary: names and :all:, with pip's :none: clearing what came before", () => {
    expect(optionsOf("--no-binary pyodbc,lxml", "--no-binary :none:", "--no-binary=psycopg2").spec).toEqual({ noBinary: ["psycopg2"] });
    expect(optionsOf("--only-binary=:all:").spec).toEqual({ onlyBinary: [":all:"] });
    expect(optionsOf("--only-binary numpy,scipy").spec).toEqual({ onlyBinary: ["numpy", "scipy"] });
  });
  it("the documentation fixture: what the spec takes is a valid spec, and pip gets each option from it", () => {
    const taken = fileOptionsToSpec(parseRequirementsTxt(full).options);
    expect(taken).toEqual({
      indexUrl: "https://pypi.example.org/simple",
      trustedHosts: ["pypi.example.org"],
      pre: true,
      noBinary: ["pyodbc", "lxml"],
      onlyBinary: [":all:"],
    });
    const plan = resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, strategy: "venv", packages: [{ name: "pyodbc" }], ...taken }), CURATED);
    const pip = plan.install.builder.flatMap((s) => (s.kind === "run" ? s.calls : [])).find((c) => c.tool === "/opt/venv/bin/pip")!;
    expect(pip.args.join(" ")).toContain("--index-url https://pypi.example.org/simple --trusted-host pypi.example.org --pre --only-binary :all:");
    // --no-binary pyodbc: the builder compiles it, so it gets pyodbc's build needs.
    expect(pip.args.join(" ")).toContain("--no-binary pyodbc");
    expect(plan.builder.systemPackages.map((p) => p.name)).toContain("unixodbc-dev");
  });
});

describe("a direct reference whose name pip would refuse (found by the requirements-file fuzzer)", () => {
  it("is listed as a problem and is not a Git package, so the spec made from the file stays valid", () => {
    const r = parseRequirementsTxt("bad- @ git+https://example.org/x.git@v1\nok @ git+https://example.org/ok.git@v1\n");
    expect(r.problems.map((p) => p.line)).toEqual([1]);
    expect(gitPackagesOf(r)).toEqual(["ok"]);
  });
});

describe("file options beyond a field's limit", () => {
  it("are cut at the limit, so the spec made from the file stays valid", () => {
    const lines = Array.from({ length: 7 }, (_, i) => `--extra-index-url https://i${i}.example.org/simple\n--trusted-host h${i}.example.org`);
    const taken = fileOptionsToSpec(parseRequirementsTxt([...lines, "flask"].join("\n")).options);
    expect(taken.extraIndexUrls).toHaveLength(5);
    expect(taken.trustedHosts).toHaveLength(5);
    expect(BuildSpecSchema.safeParse({ ...DEFAULT_SPEC, ...taken }).success).toBe(true);
  });
});
