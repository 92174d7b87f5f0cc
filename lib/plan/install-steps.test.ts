import { describe, expect, it } from "vitest";
import { resolve } from "../resolve";
import { BuildSpecSchema, DEFAULT_SPEC, STRATEGIES, type BuildSpecInput } from "../spec";
import type { InstallStep, RunStep } from "./install-steps";
import { CURATED } from "../knowledge/full-curated";

const plan = (over: Partial<BuildSpecInput>) => resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, ...over }), CURATED);
const runs = (steps: InstallStep[]) => steps.filter((s): s is RunStep => s.kind === "run");
const commandLines = (steps: InstallStep[]) => runs(steps).flatMap((s) => s.calls.map((c) => [c.tool, ...c.args].join(" ")));

describe("install steps", () => {
  it("install the requirements with the strategy's tool, from a bind-mounted requirements.txt", () => {
    const tools: Record<string, string> = { uv: "uv", venv: "/opt/venv/bin/pip", wheelhouse: "pip", prefix: "pip", "site-packages": "pip" };
    for (const { id } of STRATEGIES) {
      const p = plan({ strategy: id, packages: [{ name: "flask" }] });
      const last = runs(p.install.builder).at(-1)!;
      expect(last.calls.at(-1)!.tool, id).toBe(tools[id]);
      expect(last.inputs, id).toEqual([{ file: "requirements.txt", at: "/tmp/requirements.txt" }]);
      expect(last.calls.at(-1)!.args.slice(-2), id).toEqual(["-r", "/tmp/requirements.txt"]);
    }
  });

  it("mount the download cache, or ask the tool not to keep one", () => {
    const on = runs(plan({ strategy: "venv", cacheMounts: true }).install.builder).at(-1)!;
    const off = runs(plan({ strategy: "venv", cacheMounts: false }).install.builder).at(-1)!;
    expect(on.caches).toEqual(["/root/.cache/pip"]);
    expect(commandLines([on]).join(" ")).not.toContain("--no-cache-dir");
    expect(off.caches).toEqual([]);
    expect(commandLines([off]).join(" ")).toContain("--no-cache-dir");
    expect(runs(plan({ strategy: "uv", cacheMounts: false }).install.builder).at(-1)!.calls.at(-1)!.args).toContain("--no-cache");
  });

  it("keep the compiled packages from installing a wheel only when source builds are asked for", () => {
    const asked = plan({ strategy: "wheelhouse", base: "slim-bookworm", buildFromSource: true, packages: [{ name: "psycopg2" }] });
    expect(asked.compiled).toContain("psycopg2");
    expect(commandLines(asked.install.builder).at(-1)).toContain("--no-binary psycopg2");
    const synced = plan({ strategy: "uv", dependencySource: "uv-lock", buildFromSource: true, packages: [{ name: "psycopg2" }] });
    expect(commandLines(synced.install.builder).at(-1)).toContain("--no-binary-package psycopg2");
    expect(commandLines(plan({ strategy: "wheelhouse", packages: [{ name: "psycopg2" }] }).install.builder).join(" ")).not.toContain("--no-binary");
  });

  it("export a poetry.lock to requirements before installing, reading only the two files", () => {
    const p = plan({ strategy: "prefix", dependencySource: "poetry-lock" });
    const sections = p.install.builder.map((s) => s.section);
    expect(sections.filter((s) => s === "requirements")).toHaveLength(2);
    const [, exportStep] = runs(p.install.builder).filter((s) => s.section === "requirements");
    expect(exportStep.inputs.map((i) => i.file)).toEqual(["pyproject.toml", "poetry.lock"]);
    expect(runs(p.install.builder).at(-1)!.inputs).toEqual([]);
  });

  it("hand the dependencies to the final stage the strategy's way", () => {
    const wheels = runs(plan({ strategy: "wheelhouse" }).install.final).at(-1)!;
    expect(wheels.from).toEqual([{ stage: "builder", path: "/wheels", at: "/wheels" }]);
    const venv = plan({ strategy: "venv", selfCheck: false }).install;
    expect(venv.final.at(-1)).toMatchObject({ kind: "copy", from: "builder", sources: ["/opt/venv"] });
    expect(venv.env.map((e) => e.name).slice(0, 2)).toEqual(["VIRTUAL_ENV", "PATH"]);
    expect(plan({ strategy: "prefix" }).install.env.map((e) => e.name)).not.toContain("PATH");
  });

  it("install system packages with the image's package manager, and create the user with its tools", () => {
    const debian = plan({ strategy: "venv", base: "slim-bookworm", packages: [{ name: "psycopg2" }] }).install;
    expect(debian.builder[0]).toMatchObject({ section: "system-packages" });
    expect(commandLines(debian.builder.slice(0, 1))).toEqual(["apt-get update", "apt-get install -y --no-install-recommends", "rm -rf /var/lib/apt/lists/*"]);
    expect(runs(debian.final).find((s) => s.section === "user")!.calls[0].tool).toBe("groupadd");
    const alpine = plan({ strategy: "venv", base: "alpine", packages: [{ name: "psycopg2" }] }).install;
    expect(runs(alpine.builder)[0].calls.map((c) => c.tool)).toEqual(["apk"]);
    expect(runs(alpine.final).find((s) => s.section === "user")!.calls[0].tool).toBe("addgroup");
    const root = plan({ strategy: "venv", runtime: { ...DEFAULT_SPEC.runtime, user: { ...DEFAULT_SPEC.runtime.user, enabled: false } } }).install;
    expect(root.final.some((s) => s.section === "user")).toBe(false);
  });

  it("put the user's variables after the ones the build needs", () => {
    const p = plan({ strategy: "uv", runtime: { ...DEFAULT_SPEC.runtime, env: [{ name: "MODE", value: "$HOME" }] } });
    expect(p.install.env.at(-1)).toEqual({ name: "MODE", value: "$HOME" });
  });
});

describe("a pyproject.toml project installed from its own file (dependencySource pyproject)", () => {
  it.each(STRATEGIES.map((s) => s.id))("%s installs the project from the context, mounted writable for that RUN only", (strategy) => {
    const p = plan({ strategy, dependencySource: "pyproject", packages: [{ name: "psycopg2" }] });
    const install = runs(p.install.builder).find((s) => s.section === "dependencies")!;
    expect(install.inputs).toEqual([{ file: ".", at: "/src", rw: true }]);
    expect(install.calls.at(-1)!.args.at(-1)).toBe("/src");
    expect(commandLines(p.install.builder).join("\n")).not.toContain("requirements.txt");
  });
});

describe("the project's optional-dependency groups (projectExtras)", () => {
  it("reach pip as /src[a,b], uv sync as --extra, poetry export as --extras", () => {
    const line = (over: Partial<BuildSpecInput>) => commandLines(plan({ ...over, projectExtras: ["postgres", "s3"] }).install.builder).join("\n");
    expect(line({ strategy: "venv", dependencySource: "pyproject" })).toContain("/opt/venv/bin/pip install /src[postgres,s3]");
    expect(line({ strategy: "uv", dependencySource: "uv-lock" })).toMatch(/uv sync .*--extra postgres --extra s3/);
    expect(line({ strategy: "venv", dependencySource: "poetry-lock" })).toMatch(/poetry export --only main --extras postgres --extras s3/);
  });
});

describe("package indexes and pre-releases", () => {
  const spec = { indexUrl: "https://pypi.example.org/simple", extraIndexUrls: ["https://extra.example.org/simple"], trustedHosts: ["pypi.example.org"], pre: true };
  it("pip gets --index-url, --extra-index-url, --trusted-host and --pre", () => {
    expect(commandLines(plan({ ...spec, strategy: "venv" }).install.builder).join("\n")).toContain(
      "--index-url https://pypi.example.org/simple --extra-index-url https://extra.example.org/simple --trusted-host pypi.example.org --pre -r /tmp/requirements.txt",
    );
  });
  it("uv pip install and uv sync get uv's spellings", () => {
    expect(commandLines(plan({ ...spec, strategy: "uv" }).install.builder).join("\n")).toContain("--allow-insecure-host pypi.example.org --prerelease allow -r");
    expect(commandLines(plan({ ...spec, strategy: "uv", dependencySource: "uv-lock" }).install.builder).join("\n")).toMatch(/uv sync .*--index-url https:\/\/pypi\.example\.org\/simple/);
  });
  it("refuses credentials in a URL and points to build secrets", () => {
    const r = BuildSpecSchema.safeParse({ ...DEFAULT_SPEC, indexUrl: "https://user:pass@pypi.example.org/simple" });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toMatch(/build secret/);
    for (const bad of ["ftp://x.org", "https://x.org/simple?token=1", "https://x.org/a b", "https://x.org/$(id)"]) expect(BuildSpecSchema.safeParse({ ...DEFAULT_SPEC, indexUrl: bad }).success).toBe(false);
  });
});

describe("a pylock.toml (PEP 751) installed as locked", () => {
  it("is bind-mounted under its own name and read by uv pip install -r (uv tells the format by the name)", () => {
    const p = plan({ strategy: "uv", dependencySource: "pylock", packages: [{ name: "lxml" }] });
    const install = runs(p.install.builder).find((s) => s.section === "dependencies")!;
    expect(install.inputs).toEqual([{ file: "pylock.toml", at: "/tmp/pylock.toml" }]);
    expect(install.calls.at(-1)!.tool).toBe("uv");
    expect(install.calls.at(-1)!.args.slice(0, 2)).toEqual(["pip", "install"]);
    expect(install.calls.at(-1)!.args.slice(-2)).toEqual(["-r", "/tmp/pylock.toml"]);
    expect(commandLines(p.install.builder).join("\n")).not.toContain("requirements.txt");
  });
  it("is refused with a pip strategy, at dependencySource, saying why", () => {
    for (const { id } of STRATEGIES.filter((s) => s.id !== "uv")) {
      const r = BuildSpecSchema.safeParse({ ...DEFAULT_SPEC, strategy: id, dependencySource: "pylock" });
      expect(r.success, id).toBe(false);
      expect(r.error!.issues.map((i) => [i.path.join("."), i.message]), id).toEqual([["dependencySource", expect.stringMatching(/uv strategy .*pip reads it only experimentally/)]]);
    }
  });
});

describe("a Pipfile.lock exported by pipenv, then installed by the strategy's tool", () => {
  it.each(STRATEGIES.map((s) => s.id))("%s: pipenv in a venv of its own exports the default packages with hashes to requirements", (strategy) => {
    const p = plan({ strategy, dependencySource: "pipfile-lock", packages: [{ name: "pillow" }] });
    const [tool, exported] = runs(p.install.builder).filter((s) => s.section === "requirements");
    expect(tool.calls.map((c) => c.tool)).toEqual(["python", "/opt/pipenv/bin/pip"]);
    expect(tool.calls[1].args).toContain("pipenv==2026.10.3");
    expect(exported.inputs).toEqual([
      { file: "Pipfile", at: "Pipfile" },
      { file: "Pipfile.lock", at: "Pipfile.lock" },
    ]);
    expect(exported.calls).toEqual([{ tool: "/opt/pipenv/bin/pipenv", args: ["requirements", "--hash"], stdout: "/tmp/requirements.txt" }]);
    const install = runs(p.install.builder).find((s) => s.section === "dependencies")!;
    expect(install.calls.at(-1)!.args.slice(-2)).toEqual(["-r", "/tmp/requirements.txt"]);
    // The exported file is in the builder's filesystem: nothing of the context is mounted for the install.
    expect(install.inputs).toEqual([]);
    expect(commandLines(p.install.final).join("\n")).not.toContain("pipenv");
  });
  it("leaves out --hash when a package comes from Git (pip cannot hash a checkout)", () => {
    const p = plan({ strategy: "venv", dependencySource: "pipfile-lock", packages: [{ name: "tool" }], gitPackages: ["tool"] });
    const exported = runs(p.install.builder).filter((s) => s.section === "requirements")[1];
    expect(exported.calls[0].args).toEqual(["requirements"]);
  });
});

describe("find-links pages and wheels-only packages", () => {
  const spec = { findLinks: ["https://download.example.org/wheels/"], onlyBinary: ["numpy", ":all:"] };
  it("pip and uv pip install get --find-links and --only-binary", () => {
    expect(commandLines(plan({ ...spec, strategy: "venv" }).install.builder).join("\n")).toContain("--find-links https://download.example.org/wheels/ --only-binary numpy --only-binary :all: -r /tmp/requirements.txt");
    expect(commandLines(plan({ ...spec, strategy: "uv" }).install.builder).join("\n")).toContain("--find-links https://download.example.org/wheels/ --only-binary numpy --only-binary :all: -r /tmp/requirements.txt");
  });
  it("uv sync gets its spellings: --no-build-package NAME, --no-build for :all:", () => {
    expect(commandLines(plan({ ...spec, strategy: "uv", dependencySource: "uv-lock" }).install.builder).join("\n")).toMatch(/uv sync .*--find-links https:\/\/download\.example\.org\/wheels\/ --no-build-package numpy --no-build$/m);
  });
});
