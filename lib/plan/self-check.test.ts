/**
 * The final stage's self-check: where it looks, what it imports, how it is printed, and what its script does when
 * run against a fixture tree with a fake `ldd` on PATH (glibc's and musl's output formats). The same script in a real
 * Debian root: self-check.debian.test.ts.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../generate";
import { PRESETS, presetSpec } from "../presets";
import { printAnnotated } from "../render/instructions";
import { resolve } from "../resolve";
import { BuildSpecSchema, DEFAULT_SPEC, STRATEGIES, type BuildSpecInput } from "../spec";
import { diagnostics, parseDockerfile } from "../testing/dockerfile";
import { printedSelfCheck, runScript } from "../testing/self-check";
import { selfCheckOf, selfCheckScript } from "./self-check";
import { CURATED } from "../knowledge/full-curated";

const spec = (over: Partial<BuildSpecInput>) => BuildSpecSchema.parse({ ...DEFAULT_SPEC, ...over });
const dockerfile = (over: Partial<BuildSpecInput>) => generate(spec(over)).dockerfile;

describe("the self-check step", () => {
  it("is in every preset's final stage, last before the ENV, and passes the validator", () => {
    for (const preset of PRESETS) {
      const text = generate(presetSpec(preset)).dockerfile;
      expect(printedSelfCheck(text), preset.id).not.toBeNull();
      expect(diagnostics(text), preset.id).toEqual([]);
      const final = parseDockerfile(text).stages.at(-1)!;
      // The heredoc's lines are the RUN's, not instructions of their own.
      expect(final.instructions.filter((i) => i.keyword === "RUN" && i.text.includes("<<'SELFCHECK'"))).toHaveLength(1);
      expect(final.instructions.map((i) => i.keyword).every((k) => ["RUN", "COPY", "ENV", "WORKDIR", "USER", "EXPOSE", "CMD", "HEALTHCHECK"].includes(k)), preset.id).toBe(true);
    }
  });

  it("is left out when turned off, and the rest of the Dockerfile is unchanged", () => {
    const on = dockerfile({ packages: [{ name: "psycopg2" }] });
    const off = dockerfile({ packages: [{ name: "psycopg2" }], selfCheck: false });
    expect(printedSelfCheck(off)).toBeNull();
    const { command, script } = printedSelfCheck(on)!;
    expect(command).toEqual(["/opt/venv/bin/python", "-B", "-"]);
    const block = on.slice(on.indexOf("# Self-check:"), on.indexOf("SELFCHECK\n", on.indexOf(script)) + "SELFCHECK\n\n".length);
    expect(on.replace(block, "")).toBe(off);
  });

  it("looks where each strategy installs, with that strategy's interpreter", () => {
    const where: Record<string, [string, string]> = {
      uv: ["/opt/venv/bin/python", "/opt/venv"],
      venv: ["/opt/venv/bin/python", "/opt/venv"],
      wheelhouse: ["/usr/local/bin/python3", "/usr/local/lib/python3.12/site-packages"],
      prefix: ["/usr/local/bin/python3", "/usr/local/lib/python3.12/site-packages"],
      "site-packages": ["/usr/local/bin/python3", "/usr/local/lib/python3.12/site-packages"],
    };
    for (const { id } of STRATEGIES) {
      const check = selfCheckOf(resolve(spec({ python: "3.12", strategy: id }), CURATED));
      expect([check.interpreter[0], ...check.roots], id).toEqual(where[id]);
    }
  });

  it("imports the known native packages by their module names, and nothing pure or unknown", () => {
    const plan = resolve(
      spec({
        packages: [
          { name: "Pillow" },
          { name: "PyYAML" },
          { name: "python-ldap" },
          { name: "mysqlclient" },
          { name: "psycopg2" },
          { name: "uwsgi" },
          { name: "flask" },
          { name: "pyodbc", marker: 'sys_platform == "win32"' },
        ],
      }), CURATED,
    );
    expect(selfCheckOf(plan).modules).toEqual([
      { module: "PIL", package: "Pillow" },
      { module: "yaml", package: "PyYAML" },
      { module: "ldap", package: "python-ldap" },
      { module: "MySQLdb", package: "mysqlclient" },
      { module: "psycopg2", package: "psycopg2" },
    ]);
  });

  it("names the providing package of the plan's runtime libraries from Debian's index, also when the user omitted it", () => {
    expect(selfCheckOf(resolve(spec({ base: "slim-bookworm", packages: [{ name: "psycopg2" }] }), CURATED)).providers).toEqual({ "libpq.so.5": "libpq5" });
    const omitted = resolve(spec({ base: "slim-bookworm", packages: [{ name: "psycopg2" }], systemPackages: { build: [], runtime: [], omit: ["libpq5"] } }), CURATED);
    expect(omitted.final.systemPackages.map((p) => p.name)).not.toContain("libpq5");
    expect(selfCheckOf(omitted).providers).toEqual({ "libpq.so.5": "libpq5" });
    expect(selfCheckOf(resolve(spec({ base: "slim-trixie", packages: [{ name: "lxml" }] }), CURATED)).providers).toMatchObject({ "libxml2.so.2": "libxml2", "libxslt.so.1": "libxslt1.1" });
    // Alpine: no index of its sonames here, so the script names the soname alone.
    expect(selfCheckOf(resolve(spec({ base: "alpine", strategy: "prefix", packages: [{ name: "psycopg2" }] }), CURATED)).providers).toEqual({});
  });

  it("refuses to print data that could leave its Python literal or end the heredoc", () => {
    const good = { interpreter: ["python3", "-B", "-"], roots: ["/opt/venv"], modules: [], providers: {} };
    expect(() => selfCheckScript({ ...good, modules: [{ module: 'x"); import os; ("', package: "x" }] })).toThrow(/unsafe module name/);
    expect(() => selfCheckScript({ ...good, providers: { "libx.so.1": 'a"}\nSELFCHECK' } })).toThrow(/unsafe package name/);
    expect(() => selfCheckScript({ ...good, roots: ["/opt/venv'"] })).toThrow(/unsafe directory/);
    expect(() => printAnnotated([{ kind: "run-heredoc", words: ["python3", "-"], delimiter: "SELFCHECK", body: ["print(1)", "SELFCHECK", "RUN id"] }])).toThrow(/ends it/);
    expect(() => printAnnotated([{ kind: "run-heredoc", words: ["python3", "-"], delimiter: "EOF'x", body: [] }])).toThrow(/delimiter/);
  });

  it("explains itself in its line note", () => {
    const g = generate(spec({ packages: [{ name: "psycopg2" }] }));
    const from = g.dockerfile.split("\n").findIndex((l) => l.includes("<<'SELFCHECK'")) + 1;
    const note = g.lineNotes.find((n) => n.from === from)!;
    expect(note.to - note.from).toBeGreaterThan(10);
    expect(note.note).toMatch(/ldd on every compiled extension module under \/opt\/venv/);
    expect(note.note).toMatch(/imports psycopg2/);
  });
});

// ---------------------------------------------------------------------------------------------
// The script itself, run by this machine's python3 against a fixture tree and a fake ldd
// ---------------------------------------------------------------------------------------------

const python = spawnSync("python3", ["-c", "import importlib.machinery as m; print([s for s in m.EXTENSION_SUFFIXES if s != '.so'][0])"], { encoding: "utf8" });
const suffix = python.status === 0 ? python.stdout.trim() : null;
if (suffix === null) console.warn("self-check fixture tests skipped: no python3 on this machine");

describe.skipIf(suffix === null)("the self-check script on a fixture tree (fake ldd)", () => {
  const dir = mkdtempSync(join(tmpdir(), "selfcheck-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A tree with one extension module, a fake ldd printing `output`, and an importable (or broken) psycopg2. */
  function fixture(name: string, ldd: { stdout?: string; stderr?: string }, importable = true) {
    const root = join(dir, name);
    const bin = join(root, "bin");
    const site = join(root, "site-packages");
    mkdirSync(join(site, "psycopg2"), { recursive: true });
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(site, "psycopg2", `_psycopg${suffix}`), "");
    writeFileSync(join(site, "psycopg2", "__init__.py"), importable ? "" : "raise ImportError('libpq.so.5: cannot open shared object file')\n");
    const q = (s = "") => `'${s.replace(/'/g, `'\\''`)}'`;
    writeFileSync(join(bin, "ldd"), `#!/bin/sh\nprintf '%s' ${q(ldd.stdout)}\nprintf '%s' ${q(ldd.stderr)} >&2\n`);
    chmodSync(join(bin, "ldd"), 0o755);
    return { site, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, PYTHONPATH: site } };
  }

  /** The printed script of a psycopg2 plan, with only its ROOTS line pointed at the fixture. */
  function script(over: Partial<BuildSpecInput>, site: string) {
    const printed = printedSelfCheck(dockerfile({ packages: [{ name: "psycopg2" }], ...over }))!;
    const lines = printed.script.split("\n");
    const at = lines.findIndex((l) => l.startsWith("ROOTS = "));
    lines[at] = `ROOTS = [${JSON.stringify(site)}]`;
    return lines.join("\n");
  }

  const GLIBC_MISSING = "\tlinux-vdso.so.1 (0x00007ffd)\n\tlibpq.so.5 => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f00)\n";
  const GLIBC_CLEAN = "\tlinux-vdso.so.1 (0x00007ffd)\n\tlibpq.so.5 => /usr/lib/x86_64-linux-gnu/libpq.so.5 (0x00007f01)\n";
  const MUSL_RELOCATIONS = "Error relocating /x/_psycopg.so: PyExc_TypeError: symbol not found\nError relocating /x/_psycopg.so: PyLong_FromLong: symbol not found\n";

  it("fails for glibc's 'not found', naming the soname, the package and the file", () => {
    const f = fixture("glibc-missing", { stdout: GLIBC_MISSING });
    const r = runScript(["python3", "-B", "-"], script({ base: "slim-bookworm" }, f.site), f.env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`self-check: libpq.so.5 not found (provided by libpq5), needed by ${join(f.site, "psycopg2", `_psycopg${suffix}`)}`);
  });

  it("passes when every library resolves and the modules import", () => {
    const f = fixture("glibc-clean", { stdout: GLIBC_CLEAN });
    const r = runScript(["python3", "-B", "-"], script({ base: "slim-bookworm" }, f.site), f.env);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("self-check: 1 extension modules resolve their libraries, 1 modules import\n");
  });

  it("fails when a module does not import, naming it and its package", () => {
    const f = fixture("import-fails", { stdout: GLIBC_CLEAN }, false);
    const r = runScript(["python3", "-B", "-"], script({ base: "slim-bookworm" }, f.site), f.env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("self-check: import psycopg2 (psycopg2) failed: ImportError: libpq.so.5: cannot open shared object file");
  });

  it("reads musl's format: a library that fails to load fails, Python's own unresolved symbols do not", () => {
    const alpine = { base: "alpine" as const, strategy: "prefix" as const };
    const missing = fixture("musl-missing", { stderr: `${MUSL_RELOCATIONS}Error loading shared library libpq.so.5: No such file or directory (needed by /x/_psycopg.so)\n` });
    const r = runScript(["python3", "-B", "-"], script(alpine, missing.site), missing.env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`self-check: libpq.so.5 not found, needed by ${join(missing.site, "psycopg2", `_psycopg${suffix}`)}`);
    expect(r.stderr).not.toContain("PyExc_TypeError");
    const clean = fixture("musl-clean", { stdout: "\t/lib/ld-musl-x86_64.so.1 (0x7f00)\n\tlibpq.so.5 => /usr/lib/libpq.so.5 (0x7f01)\n", stderr: MUSL_RELOCATIONS });
    const ok = runScript(["python3", "-B", "-"], script(alpine, clean.site), clean.env);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
  });

  it("leaves no file behind: no bytecode, and what an import writes to HOME or a cache goes to a removed scratch directory", () => {
    const f = fixture("no-files", { stdout: GLIBC_CLEAN });
    // An import that writes a cache, as matplotlib and fontconfig do.
    writeFileSync(
      join(f.site, "psycopg2", "__init__.py"),
      "import os\nfor d in (os.path.expanduser('~/.config/x'), os.path.join(os.environ['XDG_CACHE_HOME'], 'fontconfig')):\n    os.makedirs(d, exist_ok=True)\n",
    );
    const home = join(dir, "no-files-home");
    const tmp = join(dir, "no-files-tmp");
    mkdirSync(home);
    mkdirSync(tmp);
    const r = runScript(["python3", "-B", "-"], script({}, f.site), { ...f.env, HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: join(home, ".cache") });
    expect(r.status).toBe(0);
    expect(spawnSync("find", [f.site, home, tmp, "-mindepth", "1", "-newer", join(f.site, "psycopg2", "__init__.py")], { encoding: "utf8" }).stdout).toBe("");
    expect(spawnSync("find", [f.site, "-name", "__pycache__"], { encoding: "utf8" }).stdout).toBe("");
  });

  it("is Python 3.6 grammar, the oldest Python the spec allows", () => {
    const printed = printedSelfCheck(dockerfile({ python: "3.6", base: "alpine", strategy: "prefix", packages: [{ name: "psycopg2" }] }))!;
    const r = runScript(["python3", "-c", "import ast, sys; ast.parse(sys.stdin.read(), feature_version=(3, 6)); print('ok')"], printed.script);
    expect(r.stdout).toBe("ok\n");
    // Keyword arguments subprocess.run only has from 3.7 on.
    expect(printed.script).not.toMatch(/capture_output|text=True/);
  });
});
