import { describe, expect, it } from "vitest";
import { generate } from "../generate";
import { DEBIAN_RELEASES, PACKAGES, TARGETS, type DebianRelease } from "../knowledge";
import { debianPackageExists } from "../knowledge/debian";
import bullseyeNames from "../knowledge/derived/bullseye/debian-names.json" with { type: "json" };
import bookwormNames from "../knowledge/derived/bookworm/debian-names.json" with { type: "json" };
import trixieNames from "../knowledge/derived/trixie/debian-names.json" with { type: "json" };
import { PYTHON_VERSIONS, VARIANTS, variantsFor, type VariantId } from "../knowledge/python-images";
import { PRESETS, presetSpec } from "../presets";
import { BuildSpecSchema, DEFAULT_SPEC, STRATEGIES, type BuildSpec, type BuildSpecInput } from "../spec";
import { diagnostics, installedPackages, parseDockerfile } from "../testing/dockerfile";
import { printAnnotated } from "./instructions";

const spec = (over: Partial<BuildSpecInput>): BuildSpec => BuildSpecSchema.parse({ ...DEFAULT_SPEC, ...over });
const STRATEGY_IDS = STRATEGIES.map((s) => s.id);
const COMPILER_OR_HEADERS = /^(gcc|g\+\+|gfortran|cpp|clang|make|build-essential|build-base|cargo|rustc|rust|musl-dev|pkg-config|pkgconf|.*-dev|.*-headers)$/;

/** A matrix: every Python version × every variant it is published with × every strategy. */
function matrix(): BuildSpec[] {
  const specs: BuildSpec[] = [];
  for (const p of PYTHON_VERSIONS) {
    for (const base of variantsFor(p.version)) {
      for (const strategy of STRATEGY_IDS) {
        if (strategy === "uv" && p.version === "3.6") continue;
        specs.push(
          spec({
            python: p.version,
            base,
            strategy,
            packages: [{ name: "psycopg2" }, { name: "numpy" }, { name: "gunicorn" }, { name: "pyodbc" }],
            runtime: { ...DEFAULT_SPEC.runtime, healthcheck: { enabled: true, path: "/healthz" }, env: [{ name: "GREETING", value: 'say "hi" $USER \\ `x`' }] },
          }),
        );
      }
    }
  }
  return specs;
}

describe("every generated Dockerfile passes the dockerfile-utils validator", () => {
  it("for every preset", () => {
    for (const preset of PRESETS) expect(diagnostics(generate(presetSpec(preset)).dockerfile), preset.id).toEqual([]);
  });
  it("for the whole python × variant × strategy matrix", () => {
    const specs = matrix();
    expect(specs.length).toBeGreaterThan(200);
    for (const s of specs) expect(diagnostics(generate(s).dockerfile), `${s.python}-${s.base}-${s.strategy}`).toEqual([]);
  });
  it("for every knowledge entry on every target, built from source", () => {
    const bases: Record<string, VariantId> = { bullseye: "slim-bullseye", bookworm: "slim-bookworm", trixie: "slim-trixie", alpine: "alpine" };
    for (const target of TARGETS)
      for (const k of PACKAGES) {
        const s = spec({ python: "3.13", base: bases[target], strategy: "wheelhouse", buildFromSource: true, packages: [{ name: k.name }] });
        expect(diagnostics(generate(s).dockerfile), `${k.name} on ${target}`).toEqual([]);
      }
  });
});

describe("structure of the output", () => {
  it("starts with the syntax directive, names its stages and ends with one newline", () => {
    for (const s of matrix()) {
      const text = generate(s).dockerfile;
      const parsed = parseDockerfile(text);
      expect(parsed.directives).toEqual(["syntax=docker/dockerfile:1"]);
      expect(parsed.stages.map((st) => st.name)).toEqual(["builder", "final"]);
      expect(text.endsWith("\n") && !text.endsWith("\n\n")).toBe(true);
    }
  });
  it("is deterministic", () => {
    for (const preset of PRESETS) expect(generate(presetSpec(preset)).dockerfile).toBe(generate(presetSpec(preset)).dockerfile);
  });
  it("uses explicit image tags, never latest", () => {
    for (const s of matrix()) for (const st of parseDockerfile(generate(s).dockerfile).stages) expect(st.from).toMatch(/^python:\d\.\d+(-rc)?-[a-z0-9.-]+$/);
  });
  it("installs apt packages without recommends and cleans the lists in the same RUN", () => {
    for (const s of matrix()) {
      for (const st of parseDockerfile(generate(s).dockerfile).stages)
        for (const ins of st.instructions.filter((i) => i.keyword === "RUN" && i.text.includes("apt-get install"))) {
          expect(ins.text).toContain("--no-install-recommends");
          expect(ins.text).toContain("rm -rf /var/lib/apt/lists/*");
        }
    }
  });
  it("never puts a compiler or a -dev package in the final stage, for every knowledge entry on every target", () => {
    const bases: Record<string, VariantId> = { bullseye: "slim-bullseye", bookworm: "slim-bookworm", trixie: "slim-trixie", alpine: "alpine" };
    for (const target of TARGETS)
      for (const k of PACKAGES)
        for (const buildFromSource of [false, true]) {
          const s = spec({ python: "3.13", base: bases[target], strategy: "uv", buildFromSource, packages: [{ name: k.name }] });
          const final = parseDockerfile(generate(s).dockerfile).stages[1];
          const bad = installedPackages(final).filter((p) => COMPILER_OR_HEADERS.test(p));
          expect(bad, `${k.name} on ${target}`).toEqual([]);
        }
  });
  it("runs as a non-root user by default, with exec-form CMD", () => {
    for (const s of matrix()) {
      const final = parseDockerfile(generate(s).dockerfile).stages[1];
      const user = final.instructions.filter((i) => i.keyword === "USER");
      expect(user.map((u) => u.args[0])).toEqual(["10001:10001"]);
      const cmd = final.instructions.filter((i) => i.keyword === "CMD");
      expect(cmd).toHaveLength(1);
      expect(cmd[0].text.replace(/^CMD\s+/, "").startsWith("[")).toBe(true);
      expect(JSON.parse(cmd[0].text.replace(/^CMD\s+/, ""))).toEqual(s.runtime.command);
    }
  });
  it("uses cache mounts for pip/uv by default and --no-cache-dir / --no-cache when they are off", () => {
    for (const strategy of STRATEGY_IDS) {
      const on = generate(spec({ strategy })).dockerfile;
      const off = generate(spec({ strategy, cacheMounts: false })).dockerfile;
      expect(on).toMatch(/--mount=type=cache,target=\/root\/\.cache\/(pip|uv)/);
      expect(off).not.toMatch(/type=cache/);
      expect(off).toMatch(strategy === "uv" ? /uv pip install .*--no-cache/ : /pip (install|wheel) --no-cache-dir/);
    }
  });
});

/** What the best open-source web peer got wrong, and Wheelwright never may. */
describe("guards against known mistakes", () => {
  it("never loses console scripts: every strategy makes gunicorn reachable on PATH in the final stage", () => {
    for (const strategy of STRATEGY_IDS) {
      const final = parseDockerfile(generate(spec({ strategy })).dockerfile).stages[1];
      const copies = final.instructions
        .map((i) => /^COPY --from=builder (\S+) (\S+)$/.exec(i.text))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], m[2]]);
      const env = final.instructions.filter((i) => i.keyword === "ENV").map((i) => i.text).join("\n");
      const scriptsReachable =
        copies.some(([src, dest]) => src === "/usr/local/bin" && dest === "/usr/local/bin") ||
        copies.some(([src, dest]) => src === "/install" && dest === "/usr/local") ||
        (copies.some(([src]) => src === "/opt/venv") && /PATH="\/opt\/venv\/bin:\$PATH"/.test(env)) ||
        final.instructions.some((i) => i.keyword === "RUN" && /pip install .*\/wheels\/\*\.whl/.test(i.text));
      expect(scriptsReachable, strategy).toBe(true);
      // Copying site-packages alone is exactly the seed 002 bug.
      if (copies.some(([src]) => src.includes("site-packages"))) expect(copies.some(([src]) => src === "/usr/local/bin")).toBe(true);
    }
  });
  it("never calls curl or wget in a HEALTHCHECK (slim images have neither)", () => {
    for (const s of matrix()) {
      const hc = parseDockerfile(generate(s).dockerfile).instructions.filter((i) => i.keyword === "HEALTHCHECK");
      expect(hc).toHaveLength(1);
      expect(hc[0].text).not.toMatch(/curl|wget/);
      expect(hc[0].text).toMatch(/CMD \["python", "-c", /);
    }
  });
  it("bakes the spec's own Python version into site-packages paths", () => {
    for (const p of PYTHON_VERSIONS) {
      const base = variantsFor(p.version)[0];
      const text = generate(spec({ python: p.version, base, strategy: "site-packages" })).dockerfile;
      const paths = [...text.matchAll(/\/usr\/local\/lib\/python(\d+\.\d+)\/site-packages/g)].map((m) => m[1]);
      expect(paths.length).toBeGreaterThan(0);
      expect(new Set(paths)).toEqual(new Set([p.version]));
    }
  });
  it("runs the uv/venv virtualenv at run time, not the system Python", () => {
    for (const strategy of ["uv", "venv"] as const) {
      const parsed = parseDockerfile(generate(spec({ strategy })).dockerfile);
      const [builder, final] = parsed.stages;
      expect(builder.from).toBe(final.from); // the venv's python symlink target exists in the final image
      const envs = parsed.dockerfile.getENVs().filter((e) => e.getRange().start.line > builder.instructions[builder.instructions.length - 1].line);
      const props = Object.fromEntries(envs.flatMap((e) => e.getProperties().map((p) => [p.getName(), p.getValue()])));
      expect(props.PATH).toBe("/opt/venv/bin:$PATH");
      expect(props.VIRTUAL_ENV).toBe("/opt/venv");
      if (strategy === "uv") expect(builder.instructions.some((i) => i.text.includes("uv venv --python /usr/local/bin/python3 /opt/venv"))).toBe(true);
    }
  });
  it("quotes every ENV value, so spaces, quotes and $ survive as typed", () => {
    const value = 'say "hi" $USER \\ `x` # not a comment';
    const parsed = parseDockerfile(generate(spec({ runtime: { ...DEFAULT_SPEC.runtime, env: [{ name: "GREETING", value }] } })).dockerfile);
    const greeting = parsed.dockerfile.getENVs().flatMap((e) => e.getProperties()).filter((p) => p.getName() === "GREETING");
    expect(greeting).toHaveLength(1);
    const text = generate(spec({ runtime: { ...DEFAULT_SPEC.runtime, env: [{ name: "GREETING", value }] } })).dockerfile;
    expect(text).toContain(`GREETING="say \\"hi\\" \\$USER \\\\ \`x\` # not a comment"`);
    for (const line of text.split("\n").filter((l) => /^\s*(ENV\s+)?[A-Z_]+=/.test(l))) expect(line).toMatch(/=".*"( \\)?$/);
  });
});

describe("final image choices", () => {
  it("a full builder may hand over to the slim image of the same release", () => {
    const s = spec({ python: "3.13", base: "bookworm", finalBase: "slim-bookworm" });
    const stages = parseDockerfile(generate(s).dockerfile).stages;
    expect(stages.map((st) => st.from)).toEqual(["python:3.13-bookworm", "python:3.13-slim-bookworm"]);
  });
  it.each([
    ["slim-bookworm", "alpine", /musl and glibc never mix/],
    ["alpine", "slim-trixie", /musl and glibc never mix/],
    ["slim-bookworm", "slim-trixie", /must use bookworm/],
    ["alpine3.24", "alpine3.23", /same Alpine release/],
  ] as const)("refuses builder %s with final %s", (base, finalBase, reason) => {
    const r = BuildSpecSchema.safeParse({ ...DEFAULT_SPEC, python: "3.13", base, finalBase });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path[0] === "finalBase")!.message).toMatch(reason);
  });
  it("every variant in the catalog is a Debian or Alpine target", () => {
    for (const v of Object.values(VARIANTS)) expect(TARGETS).toContain(v.target);
  });
});

const DERIVED_NAMES: Record<DebianRelease, Record<string, string>> = { bullseye: bullseyeNames, bookworm: bookwormNames, trixie: trixieNames };

describe("every Debian package a Dockerfile installs exists in its release (committed snapshot of Debian's indices)", () => {
  const check = (s: BuildSpec, label: string) => {
    const g = generate(s);
    const stages = parseDockerfile(g.dockerfile).stages;
    [g.plan.builder, g.plan.final].forEach((planned, i) => {
      if (planned.family !== "debian") return;
      const release = planned.target as DebianRelease;
      // The derived layer's names were checked against the same indices when it was derived (debian-names.json).
      const missing = installedPackages(stages[i]).filter((name) => !debianPackageExists(release, name) && !Object.hasOwn(DERIVED_NAMES[release], name));
      expect(missing, `${label}: ${planned.name} on ${release}`).toEqual([]);
    });
  };
  it("for every preset", () => {
    for (const preset of PRESETS) check(presetSpec(preset), preset.id);
  });
  it("for every knowledge entry on every Debian release, from source and from wheels", () => {
    const bases: Record<DebianRelease, VariantId> = { bullseye: "slim-bullseye", bookworm: "slim-bookworm", trixie: "slim-trixie" };
    for (const release of DEBIAN_RELEASES)
      for (const k of PACKAGES)
        for (const buildFromSource of [false, true])
          check(spec({ python: "3.13", base: bases[release], strategy: "uv", buildFromSource, packages: [{ name: k.name }] }), `${k.name} (source: ${buildFromSource})`);
  });
  it("and a name that is not in the release is caught", () => {
    expect(debianPackageExists("bookworm", "libssl3t64")).toBe(false);
    expect(debianPackageExists("trixie", "libssl3t64")).toBe(true);
  });
});

describe("the project installed with its optional-dependency groups (pip install /src[a,b])", () => {
  it.each(STRATEGY_IDS)("%s: the target is one quoted shell word (not a glob), and the Dockerfile validates", (strategy) => {
    const text = generate(spec({ strategy, dependencySource: "pyproject", projectExtras: ["postgres", "s3"], packages: [{ name: "flask" }] })).dockerfile;
    expect(diagnostics(text)).toEqual([]);
    const install = parseDockerfile(text).instructions.find((i) => i.keyword === "RUN" && i.text.includes("/src["))!;
    expect(install.text).toMatch(/ '\/src\[postgres,s3\]'$/m);
    expect(install.text.replace(/'[^']*'/g, "")).not.toMatch(/[[\]]/);
  });
});

describe("lock files with an install path of their own", () => {
  it("Pipfile.lock: pipenv's export is written with one redirect, the Dockerfile validates and names the files it expects", () => {
    for (const strategy of STRATEGY_IDS) {
      const text = generate(spec({ strategy, dependencySource: "pipfile-lock", packages: [{ name: "pillow" }] })).dockerfile;
      expect(diagnostics(text), strategy).toEqual([]);
      expect(text).toMatch(/^\s*\/opt\/pipenv\/bin\/pipenv requirements --hash > \/tmp\/requirements\.txt$/m);
      expect(text).toContain("source=Pipfile.lock,target=Pipfile.lock");
      expect(text).toContain("# Expects Pipfile and Pipfile.lock in the build context.");
    }
  });
  it("pylock.toml: uv reads the bind-mounted lock", () => {
    const text = generate(spec({ strategy: "uv", dependencySource: "pylock", packages: [{ name: "lxml" }] })).dockerfile;
    expect(diagnostics(text)).toEqual([]);
    expect(text).toContain("--mount=type=bind,source=pylock.toml,target=/tmp/pylock.toml");
    expect(text).toMatch(/uv pip install .* -r \/tmp\/pylock\.toml$/m);
    expect(text).toContain("# Expects pylock.toml in the build context.");
  });
  it("the printer refuses an output file that is not a plain path", () => {
    expect(() => printAnnotated([{ kind: "run", commands: [{ words: ["true"], stdout: "/tmp/x; id" }] }])).toThrow(/output file/);
  });
});
