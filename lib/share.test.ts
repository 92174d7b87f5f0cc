import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "./generate";
import { PYTHON_VERSION_IDS, variantsFor } from "./knowledge/python-images";
import { PRESETS, presetById, presetSpec } from "./presets";
import {
  LINK_BASELINE,
  MAX_QUERY_LENGTH,
  PARAMS,
  READABLE_MAX,
  ShareError,
  encodeShare,
  searchParamsToSpec,
  shareUrl,
  specToSearchParams,
} from "./share";
import {
  ABSOLUTE_PATH,
  CONTEXT_PATH,
  DEFAULT_SPEC,
  DEPENDENCY_SOURCES,
  HTTP_PATH,
  PLATFORMS,
  STRATEGIES,
  finalBaseProblem,
  parseSpec,
  type BuildSpec,
  type BuildSpecInput,
} from "./spec";

/** Cases of the round-trip property in `npm test`; SHARE_RUNS=100000 npx vitest run lib/share.test.ts for more. */
const NUM_RUNS = Number(process.env.SHARE_RUNS ?? 2000);

const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");

// ---------------------------------------------------------------------------------------------
// An arbitrary of valid specs: every field, including texts a URL must escape and package lists
// long enough to need the compact form.
// ---------------------------------------------------------------------------------------------

const ALNUM = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];
const chars = (set: string) => fc.constantFrom(...set);
const REAL = ["numpy", "psycopg2", "Django", "uvicorn", "pydantic-settings", "zope.interface", "ruamel.yaml", "a", "x_y"];
const pyName = fc.oneof(
  fc.constantFrom(...REAL),
  fc
    .tuple(fc.constantFrom(...ALNUM), fc.string({ unit: fc.constantFrom(...ALNUM, ".", "_", "-"), maxLength: 10 }), fc.constantFrom(...ALNUM))
    .map(([a, m, b]) => a + m + b),
);
const ws = fc.constantFrom("", "", "", " ");
const clause = fc
  .tuple(ws, fc.constantFrom("~=", "===", "==", "!=", "<=", ">=", "<", ">"), ws, fc.string({ unit: chars("0123456789.*+!_-aZ"), minLength: 1, maxLength: 8 }), ws)
  .map((p) => p.join(""));
const specifier = fc.array(clause, { minLength: 1, maxLength: 3 }).map((c) => c.join(","));
const markerAtom = fc.constantFrom('python_version >= "3.9"', "sys_platform == 'linux'", 'extra == "dev"', "platform_machine != 'aarch64'", "(os_name == 'posix')");
const marker = fc
  .tuple(ws, fc.array(markerAtom, { minLength: 1, maxLength: 3 }), fc.constantFrom(" and ", " or ", "  and  "), ws)
  .map(([a, atoms, join, b]) => a + atoms.join(join) + b);
const hash = fc.tuple(fc.constantFrom("sha256", "sha512"), fc.string({ unit: chars("0123456789abcdef"), minLength: 64, maxLength: 64 })).map(([a, h]) => `${a}:${h}`);
const requirement = fc.record(
  { name: pyName, extras: fc.array(pyName, { maxLength: 2 }), specifier, marker, hashes: fc.array(hash, { maxLength: 2 }) },
  { requiredKeys: ["name"] },
);
const simpleRequirement = fc.record({ name: pyName, specifier: fc.constantFrom("==1.2.3", ">=2", "~=0.9") }, { requiredKeys: ["name"] });
const packages = fc.oneof(
  { weight: 16, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: simpleRequirement }, requirement), { maxLength: 6 }) },
  { weight: 2, arbitrary: fc.array(simpleRequirement, { minLength: 60, maxLength: 160 }) },
  { weight: 1, arbitrary: fc.array(requirement, { minLength: 20, maxLength: 60 }) },
);

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g; // eslint-disable-line no-control-regex
/** Free text the schema accepts: realistic words, URL-special characters, any Unicode, lone surrogates. */
const safeText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("python", "-m", "app", "--bind", "0.0.0.0:8000", "app:app", "--workers=4", "é,&+%#=;") },
  fc.string({ unit: chars(" a,=&+%#[]'\"\\$;?/:é😀"), maxLength: 10 }),
  fc.string({ unit: fc.constantFrom("a", "\uD800", "\uDC00", " "), maxLength: 4 }),
  fc.string({ unit: "binary", maxLength: 20 }).map((s) => s.replace(CONTROL_CHARS, "")),
);
const debName = fc.oneof(
  fc.constantFrom("libpq5", "libpq-dev", "gcc", "build-essential", "g++", "libstdc++6", "tini"),
  fc.tuple(fc.constantFrom(..."abcxyz019"), fc.string({ unit: chars("abz09+.-"), minLength: 1, maxLength: 10 })).map(([a, b]) => a + b),
);
const path = (prefix: string, re: RegExp) =>
  fc.string({ unit: chars("abcXYZ09._@+-/"), minLength: 1, maxLength: 16 }).map((s) => prefix + s).filter((s) => re.test(s));
const envName = fc
  .tuple(fc.constantFrom(..."ABC_xyz"), fc.string({ unit: chars("ABZ_09a"), maxLength: 12 }))
  .map(([a, b]) => a + b);

const core = fc.constantFrom(...PYTHON_VERSION_IDS).chain((python) =>
  fc.constantFrom(...variantsFor(python)).chain((base) => {
    const finals = variantsFor(python).filter((f) => finalBaseProblem(python, base, f) === null);
    const strategies = STRATEGIES.map((s) => s.id).filter((s) => s !== "uv" || Number(python.split(".")[1]) >= 8);
    return fc.record({
      python: fc.constant(python),
      base: fc.constant(base),
      finalBase: fc.oneof(fc.constant(null), fc.constantFrom(...finals)),
      strategy: fc.constantFrom(...strategies),
    });
  }),
);

export const validSpec: fc.Arbitrary<BuildSpec> = fc
  .record({
    core,
    dependencySource: fc.constantFrom(...DEPENDENCY_SOURCES.map((d) => d.id)),
    packages,
    buildFromSource: fc.boolean(),
    systemPackages: fc.record({
      build: fc.array(debName, { maxLength: 4 }),
      runtime: fc.array(debName, { maxLength: 4 }),
      omit: fc.array(debName, { maxLength: 2 }),
    }),
    copy: fc.array(path("", CONTEXT_PATH), { maxLength: 3 }),
    workdir: path("/", ABSOLUTE_PATH),
    command: fc.array(safeText.filter((s) => s.length > 0 && s.length <= 200), { minLength: 1, maxLength: 6 }),
    port: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 65535 })),
    user: fc.record({
      enabled: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
      name: fc.oneof(fc.constant("app"), fc.tuple(fc.constantFrom(..."ab_"), fc.string({ unit: chars("az09_-"), maxLength: 8 })).map(([a, b]) => a + b)),
      uid: fc.oneof(fc.constant(10001), fc.integer({ min: 1000, max: 65534 })),
    }),
    health: fc.record({ enabled: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)), path: fc.oneof(fc.constant("/health"), path("/", HTTP_PATH)) }),
    env: fc.uniqueArray(fc.record({ name: envName, value: safeText }), { selector: (e) => e.name, maxLength: 4 }),
    pythonDontWriteBytecode: fc.boolean(),
    pythonUnbuffered: fc.boolean(),
    cacheMounts: fc.boolean(),
    platform: fc.constantFrom(...PLATFORMS),
  })
  .map((r): BuildSpecInput => ({
    ...r.core,
    dependencySource: r.dependencySource === "uv-lock" && r.core.strategy !== "uv" ? "requirements" : r.dependencySource,
    packages: r.packages,
    buildFromSource: r.buildFromSource,
    systemPackages: r.systemPackages,
    runtime: {
      copy: r.copy,
      workdir: r.workdir,
      command: r.command,
      port: r.port,
      user: r.user,
      healthcheck: { enabled: r.health.enabled && r.port !== null, path: r.health.path },
      env: r.env,
      pythonDontWriteBytecode: r.pythonDontWriteBytecode,
      pythonUnbuffered: r.pythonUnbuffered,
    },
    cacheMounts: r.cacheMounts,
    platform: r.platform,
  }))
  .map((input) => parseSpec(input))
  .filter((r) => r.ok)
  .map((r) => (r as { ok: true; spec: BuildSpec }).spec);

// ---------------------------------------------------------------------------------------------

describe("share links: examples", () => {
  it("reads the readable form of the issue's example", () => {
    const r = searchParamsToSpec("?python=3.12&base=slim-bookworm&packages=psycopg2,numpy==2.1&strategy=venv");
    expect(r.dropped).toEqual([]);
    expect(r.spec.python).toBe("3.12");
    expect(r.spec.base).toBe("slim-bookworm");
    expect(r.spec.strategy).toBe("venv");
    expect(r.spec.packages.map((p) => [p.name, p.specifier])).toEqual([["psycopg2", undefined], ["numpy", "==2.1"]]);
  });

  it("writes only what differs, readable and hand-editable", () => {
    const spec = parseSpec({ ...DEFAULT_SPEC, python: "3.12", base: "slim-bookworm", strategy: "venv", packages: [{ name: "psycopg2" }, { name: "numpy", specifier: "==2.1" }] });
    if (!spec.ok) throw new Error("invalid");
    const r = encodeShare(spec.spec);
    expect(r.ok && r.query).toBe("python=3.12&base=slim-bookworm&strategy=venv&packages=psycopg2,numpy==2.1");
    expect(shareUrl(spec.spec, "https://wheelwright.example/some/page?old=1#frag")).toBe(
      "https://wheelwright.example/some/page?python=3.12&base=slim-bookworm&strategy=venv&packages=psycopg2,numpy==2.1",
    );
    expect(specToSearchParams(spec.spec).get("packages")).toBe("psycopg2,numpy==2.1");
  });

  it("gives the default spec an empty query, and an empty query the default spec", () => {
    const r = encodeShare(DEFAULT_SPEC);
    expect(r.ok && r.query).toBe("");
    expect(shareUrl(DEFAULT_SPEC, "http://localhost:3000/")).toBe("http://localhost:3000/");
    expect(searchParamsToSpec("")).toEqual({ spec: DEFAULT_SPEC, dropped: [] });
    expect(searchParamsToSpec("http://localhost:3000/#x")).toEqual({ spec: DEFAULT_SPEC, dropped: [] });
  });

  it.each(PRESETS.map((p) => [p.id]))("shares preset %s as a short readable link that opens the same Dockerfile", (id) => {
    const spec = presetSpec(presetById(id)!);
    const r = encodeShare(spec);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.form).toBe("readable");
    expect(r.query.length).toBeLessThan(200);
    const back = searchParamsToSpec(r.query);
    expect(back.dropped).toEqual([]);
    expect(back.spec).toEqual(spec);
    expect(generate(back.spec).dockerfile).toBe(generate(spec).dockerfile);
  });

  it("opens a preset, and parameters after it override it", () => {
    const r = searchParamsToSpec("preset=django-postgres&python=3.12");
    expect(r.preset).toBe("django-postgres");
    expect(r.dropped).toEqual([]);
    expect(r.spec).toEqual({ ...presetSpec(presetById("django-postgres")!), python: "3.12" });
  });

  it("keeps opening version-1 links as they were written (compatibility fixtures)", () => {
    // Frozen examples: if one of these fails, a change broke old links (see the rules in share.ts).
    expect(searchParamsToSpec("python=3.13&strategy=wheelhouse&packages=Flask,mysqlclient,gunicorn").spec).toEqual(presetSpec(presetById("flask-mysql")!));
    expect(searchParamsToSpec("python=3.8&base=slim-bullseye&strategy=wheelhouse&packages=pyodbc&from-source=1&cmd=python+-m+app&port=none").spec).toEqual(
      presetSpec(presetById("seed-000-pyodbc-wheelhouse")!),
    );
    const compact = `s=1.${b64url('{"python":"3.12","packages":["psycopg2",{"name":"numpy","specifier":" ==2.1"}],"cmd":["sh","-c","exec app --name \'a b\'"]}')}`;
    const r = searchParamsToSpec(compact);
    expect(r.dropped).toEqual([]);
    expect(r.spec.python).toBe("3.12");
    expect(r.spec.packages[1]).toEqual({ name: "numpy", specifier: " ==2.1", extras: [], hashes: [] });
    expect(r.spec.runtime.command).toEqual(["sh", "-c", "exec app --name 'a b'"]);
  });

  it("has a frozen, complete, valid baseline", () => {
    expect(parseSpec(LINK_BASELINE)).toEqual({ ok: true, spec: LINK_BASELINE });
    expect(Object.isFrozen(LINK_BASELINE)).toBe(true);
  });

  it("has a parameter for every spec field", () => {
    const leaves = (o: unknown, prefix: string): string[] =>
      o && typeof o === "object" && !Array.isArray(o) && !["runtime.user", "runtime.healthcheck"].includes(prefix)
        ? Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const covered = new Set(PARAMS.map((p) => p.field));
    expect(leaves(LINK_BASELINE, "").filter((f) => !covered.has(f))).toEqual([]);
    expect(new Set(PARAMS.map((p) => p.name)).size).toBe(PARAMS.length);
  });

  it("uses the compact form when a value has no readable spelling", () => {
    const s = parseSpec({ ...DEFAULT_SPEC, runtime: { ...DEFAULT_SPEC.runtime, command: ["sh", "-c", "echo hi"] } });
    if (!s.ok) throw new Error("invalid");
    const r = encodeShare(s.spec);
    expect(r.ok && r.form).toBe("compact");
    expect(r.ok && r.query).toMatch(/^s=1\.[A-Za-z0-9_-]+$/);
    expect(searchParamsToSpec(r.ok ? r.query : "").spec).toEqual(s.spec);
  });

  it("uses the shorter form above READABLE_MAX", () => {
    // Plain base64 JSON is longer than a readable package list, so a long list stays readable...
    const list = parseSpec({ ...DEFAULT_SPEC, packages: Array.from({ length: 150 }, (_, i) => ({ name: `package-number-${i}`, specifier: "==1.0" })) });
    // ...while text that needs many %-escapes is shorter in the compact form.
    const escaped = parseSpec({ ...DEFAULT_SPEC, runtime: { ...DEFAULT_SPEC.runtime, env: Array.from({ length: 40 }, (_, i) => ({ name: `V${i}`, value: "é€<>#&+%[]{}".repeat(4) })) } });
    if (!list.ok || !escaped.ok) throw new Error("invalid");
    const [a, b] = [encodeShare(list.spec), encodeShare(escaped.spec)];
    expect(a.ok && a.form).toBe("readable");
    expect(a.ok && a.query.length).toBeGreaterThan(READABLE_MAX);
    expect(b.ok && b.form).toBe("compact");
    expect(searchParamsToSpec(a.ok ? a.query : "").spec).toEqual(list.spec);
    expect(searchParamsToSpec(b.ok ? b.query : "").spec).toEqual(escaped.spec);
  });

  it("refuses a spec whose link would be too long, with a clear message", () => {
    const huge = parseSpec({ ...DEFAULT_SPEC, packages: Array.from({ length: 300 }, (_, i) => ({ name: `a-rather-long-package-name-${i}`, specifier: ">=1.0.0,<2.0.0" })) });
    if (!huge.ok) throw new Error("invalid");
    const r = encodeShare(huge.spec);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(new RegExp(`limit is ${MAX_QUERY_LENGTH}`));
    expect(() => shareUrl(huge.spec, "http://localhost:3000/")).toThrow(ShareError);
  });
});

describe("share links: hostile and damaged input", () => {
  const cases: [string, string, RegExp][] = [
    ["python=3.12%0ARUN%20id", "python", /unknown Python version/],
    ["__proto__[x]=1", "__proto__[x]", /unknown parameter/],
    ["__proto__=1&constructor=2", "__proto__", /unknown parameter/],
    ["s=1.!!!!", "s", /damaged/],
    ["s=9.eyJweXRob24iOiIzLjEyIn0", "s", /version 9/],
    ["s=1.eyJweXRob24iOiIzLjEy", "s", /damaged/], // truncated JSON
    ["s=1", "s", /not a share code/],
    [`s=1.${b64url("[1,2]")}`, "s", /not a spec/],
    [`s=1.${b64url('{"bogus":1}')}`, "bogus", /unknown field/],
    ["python=%C3%28", "python", /unknown Python version/],
    ["%C3%28=1", "\uFFFD(", /unknown parameter/],
    ["python%3D3.12%26base%3Dalpine", "python=3.12&base=alpine", /unknown parameter/], // double-encoded
    ["python=3%252E12", "python", /unknown Python version/], // double-encoded value
    ["base=slim-buster", "base", /archive/],
    ["port=80a", "runtime.port", /port number/],
    ["port=0", "runtime.port", /./],
    ["user=App:1", "runtime.user.name", /user name/],
    ["cmd=", "runtime.command", /command is needed/],
    ["from-source=maybe", "buildFromSource", /1 or 0/],
    ["preset=nope", "preset", /unknown preset/],
    ["python=3.12&python=3.13", "python", /more than once/],
    [`python=${"9".repeat(5000)}`, "python", /unknown Python version/],
    [`packages=${"a,".repeat(5000)}`, "query", /limit is 8000/],
  ];
  it.each(cases)("%s → drops %s", (query, field, message) => {
    const r = searchParamsToSpec(query);
    expect(parseSpec(r.spec).ok).toBe(true);
    const d = r.dropped.find((x) => x.field === field);
    expect(d, JSON.stringify(r.dropped)).toBeDefined();
    expect(d!.message).toMatch(message);
    expect((d!.value ?? "").length).toBeLessThanOrEqual(120);
  });

  it("reads a long non-matching marker quickly (no regex backtracking blow-up)", () => {
    const marker = Array(30).fill("python_version >= '3.9'").join("  and  ") + "  and  x";
    const t0 = performance.now();
    const r = searchParamsToSpec(new URLSearchParams({ packages: `numpy; ${marker}` }));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.dropped[0]).toMatchObject({ param: "packages" });
  });

  it("keeps every valid field of a partly bad link", () => {
    const r = searchParamsToSpec("python=3.12&base=slim-bookworm&packages=numpy,`id`,flask&apt-build=gcc,BAD&env=A=1&env=B&port=none&health=/up&bogus=1");
    expect(r.spec.python).toBe("3.12");
    expect(r.spec.base).toBe("slim-bookworm");
    expect(r.spec.packages.map((p) => p.name)).toEqual(["numpy", "flask"]);
    expect(r.spec.systemPackages.build).toEqual(["gcc"]);
    expect(r.spec.runtime.env).toEqual([{ name: "A", value: "1" }]);
    expect(r.spec.runtime.port).toBeNull(); // port=none kept; the health check that needs it was dropped
    expect(r.dropped.map((d) => [d.param, d.field])).toEqual([
      ["packages", "packages"],
      ["env", "runtime.env"],
      ["bogus", "bogus"],
      ["apt-build", "systemPackages.build.1"],
      ["health", "runtime.healthcheck.enabled"],
    ]);
  });

  it("drops a cross-field conflict onto the parameter that caused it", () => {
    const r = searchParamsToSpec("python=3.6");
    expect(r.spec.python).toBe(LINK_BASELINE.python);
    expect(r.dropped).toEqual([expect.objectContaining({ param: "python", field: "base", message: expect.stringMatching(/python:3.6 is not published as slim-trixie/) })]);
  });

  it("never lets __proto__ in a share code reach a prototype", () => {
    const r = searchParamsToSpec(`s=1.${b64url('{"__proto__":{"python":"3.12","polluted":true},"python":"3.13","user":{"__proto__":{"enabled":false}}}')}`);
    expect(r.spec.python).toBe("3.13");
    expect(r.spec.runtime.user.enabled).toBe(true);
    expect(r.dropped.map((d) => d.field)).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never throws on random, truncated, double-encoded or mutated links", () => {
    const valid = validSpec.map((s) => encodeShare(s)).filter((r) => r.ok).map((r) => (r as { query: string }).query);
    const mutated = fc.oneof(
      valid.chain((q) => fc.nat(q.length).map((n) => q.slice(0, n))),
      valid.map((q) => encodeURIComponent(q)),
      valid.map((q) => q.replace(/%/g, "%25")),
      fc.tuple(valid, fc.nat(), fc.string({ unit: "binary", maxLength: 3 })).map(([q, i, x]) => q.slice(0, i % (q.length + 1)) + x + q.slice(i % (q.length + 1) + 1)),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: chars("%C3(28=&s.1?#+_-"), maxLength: 60 }),
    );
    fc.assert(
      fc.property(mutated, (q) => {
        const r = searchParamsToSpec(q);
        expect(parseSpec(r.spec).ok).toBe(true);
        for (const d of r.dropped) expect(typeof d.message).toBe("string");
      }),
      { numRuns: Math.ceil(NUM_RUNS / 4) },
    );
  }, 120_000);
});

describe("share links: property", () => {
  it(`spec → URL → spec is the identity, and the Dockerfile is byte-identical (${NUM_RUNS} cases)`, () => {
    const forms = { readable: 0, compact: 0, refused: 0 };
    fc.assert(
      fc.property(validSpec, (spec) => {
        const r = encodeShare(spec);
        if (!r.ok) {
          forms.refused++;
          expect(r.message).toMatch(/limit is/);
          return;
        }
        forms[r.form]++;
        expect(r.query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        if (r.form === "compact") expect(r.query).toMatch(/^s=1\.[A-Za-z0-9_-]*$/);
        const back = searchParamsToSpec(`https://wheelwright.example/?${r.query}`);
        expect(back.dropped).toEqual([]);
        expect(back.spec).toEqual(spec);
        expect(generate(back.spec).dockerfile).toBe(generate(spec).dockerfile);
      }),
      { numRuns: NUM_RUNS },
    );
    // The arbitrary must exercise both forms; refusals (too long) must stay rare.
    expect(forms.readable).toBeGreaterThan(NUM_RUNS / 10);
    expect(forms.compact).toBeGreaterThan(NUM_RUNS / 10);
    expect(forms.refused).toBeLessThan(NUM_RUNS / 10);
    if (process.env.SHARE_STATS) console.log(forms);
  }, 120_000);
});
