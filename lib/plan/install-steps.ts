/**
 * plan → install steps: every command the two stages run to install system packages, create the app's user and
 * install the Python dependencies, with the mounts and build-context files each one reads and the ENV the final
 * stage needs. Decided here, from the plan; lib/render/dockerfile.ts only prints them.
 *
 * The strategies share one shape: the builder reads the requirements (bind-mounted requirements.txt, or
 * poetry.lock exported to requirements, or uv.lock synced) and installs them with one tool; the final stage takes
 * the result over. What differs is in STRATEGIES below.
 */
import { TOOLS } from "../knowledge/tools";
import type { Plan, PlannedStage, PlannedSystemPackage } from "../resolve";
import { compiledOnRequest } from "./source-builds";
import type { StrategyId } from "../spec";
import { SELF_CHECK_DELIMITER, selfCheckOf, selfCheckScript } from "./self-check";

/** One program run: the tool and its arguments; `packages` are further operands, printed one per line. */
export interface ToolCall {
  tool: string;
  args: string[];
  packages?: string[];
  /** Its arguments are file patterns the shell expands (fixed text of ours); otherwise the printer quotes * ? [ ]. */
  glob?: boolean;
  /** A file its standard output is written to (for a tool that prints what we need, like pipenv requirements). */
  stdout?: string;
}

/** A build-context file a step reads: bind-mounted at `at` for that one RUN, so it never lands in a layer. */
export interface ContextInput {
  file: string;
  at: string;
  /** Writable for that RUN (the writes are discarded): a project that builds in its own tree. */
  rw?: boolean;
}

/** A directory an earlier stage produced, bind-mounted at `at` for one RUN. */
export interface StageInput {
  stage: string;
  path: string;
  at: string;
}

export interface EnvVar {
  name: string;
  value: string;
  /** `$NAME` references in the value expand (our own PATH); a user's value never does. */
  expand?: boolean;
}

/** What a step is part of: the printer separates sections with a blank line. */
export type StepSection = "system-packages" | "user" | "requirements" | "dependencies" | "self-check";

interface StepCommon {
  section: StepSection;
  /** Comment lines printed above the step. */
  comment?: string[];
  /** Why the step is there, shown when its lines are hovered or selected. */
  why?: string;
}

export type InstallStep = StepCommon &
  (
    | {
        kind: "run";
        /** Download caches kept between builds (cache mounts). */
        caches: string[];
        from: StageInput[];
        inputs: ContextInput[];
        /** Run in order, each only if the one before succeeded. */
        calls: ToolCall[];
      }
    | { kind: "copy"; from: string; sources: string[]; dest: string }
    | { kind: "env"; vars: EnvVar[] }
    | { kind: "workdir"; path: string }
    /** A program that reads its script from a heredoc: nothing is copied in, nothing stays behind. */
    | { kind: "script"; interpreter: string[]; delimiter: string; lines: string[] }
  );

export interface InstallPlan {
  /** The builder stage after its FROM, in order. */
  builder: InstallStep[];
  /** The final stage after its FROM, in order (the app's own files come after). */
  final: InstallStep[];
  /** The final stage's ENV: where the dependencies are found, Python's settings, then the user's variables. */
  env: EnvVar[];
}

const VENV = "/opt/venv";
const BUILD_DIR = "/build";
const REQS = "/tmp/requirements.txt";
const PYLOCK = "/tmp/pylock.toml";
/** Where the build context is mounted when the project itself is installed from its pyproject.toml. */
const PROJECT = "/src";
const PYTHON = "/usr/local/bin/python3";

type PlanWithoutSteps = Omit<Plan, "install" | "app">;
export type RunStep = Extract<InstallStep, { kind: "run" }>;

function run(section: StepSection, calls: ToolCall[], more: Partial<Pick<RunStep, "caches" | "from" | "inputs" | "comment" | "why">> = {}): RunStep {
  return { kind: "run", section, caches: more.caches ?? [], from: more.from ?? [], inputs: more.inputs ?? [], calls, comment: more.comment, why: more.why };
}

function reasonText(p: PlannedSystemPackage): string {
  return p.reasons.map((r) => (r.kind === "user" ? r.why : `${r.pythonPackage}: ${r.why}`)).join("; ");
}

function systemPackages(stage: PlannedStage): InstallStep[] {
  const packages = stage.systemPackages;
  if (packages.length === 0) return [];
  const names = packages.map((p) => p.name);
  const reasons = packages.map(reasonText);
  const title =
    stage.name === "builder"
      ? "Build-only system packages: compilers and headers stay in this stage."
      : "Runtime libraries the installed packages load (no compilers, no -dev packages).";
  const calls: ToolCall[] =
    stage.family === "alpine"
      ? [{ tool: "apk", args: ["add", "--no-cache"], packages: names }]
      : [
          { tool: "apt-get", args: ["update"] },
          { tool: "apt-get", args: ["install", "-y", "--no-install-recommends"], packages: names },
          { tool: "rm", args: ["-rf", "/var/lib/apt/lists/*"], glob: true },
        ];
  const width = Math.max(...names.map((n) => n.length));
  return [
    run("system-packages", calls, {
      comment: [title, ...names.map((n, i) => `  ${n.padEnd(width)}  ← ${reasons[i]}`)],
      why: `${title}\n${names.map((n, i) => `${n} ← ${reasons[i]}`).join("\n")}`,
    }),
  ];
}

function appUser(plan: PlanWithoutSteps): InstallStep[] {
  const { enabled, name, uid } = plan.spec.runtime.user;
  if (!enabled) return [];
  const calls: ToolCall[] =
    plan.final.family === "alpine"
      ? [
          { tool: "addgroup", args: ["-S", "-g", String(uid), name] },
          { tool: "adduser", args: ["-S", "-D", "-H", "-u", String(uid), "-G", name, "-s", "/sbin/nologin", name] },
        ]
      : [
          { tool: "groupadd", args: ["--system", "--gid", String(uid), name] },
          { tool: "useradd", args: ["--system", "--uid", String(uid), "--gid", name, "--no-create-home", "--shell", "/usr/sbin/nologin", name] },
        ];
  return [
    run("user", calls, {
      comment: ["An unprivileged user to run the app; the code stays owned by root, read-only to it."],
      why: `Creates the user ${name} (uid ${uid}) the app runs as, so a compromise does not get root.`,
    }),
  ];
}

/** The installer's cache directory and its no-cache flag: with cache mounts on, the cache is mounted instead. */
interface Installer {
  cache: string;
  noCache: string;
  /** The flag that keeps one package from installing a wheel (once per package). */
  noBinary: string;
  /** The flags that keep one package (or ":all:") from being built from source. */
  onlyBinary: (item: string) => string[];
}
const onlyBinaryFlag = (item: string) => ["--only-binary", item];
const PIP: Installer = { cache: "/root/.cache/pip", noCache: "--no-cache-dir", noBinary: "--no-binary", onlyBinary: onlyBinaryFlag };
const UV: Installer = { cache: "/root/.cache/uv", noCache: "--no-cache", noBinary: "--no-binary", onlyBinary: onlyBinaryFlag };
const UV_SYNC: Installer = { ...UV, noBinary: "--no-binary-package", onlyBinary: (item) => (item === ":all:" ? ["--no-build"] : ["--no-build-package", item]) };

function caches(plan: PlanWithoutSteps, i: Installer): string[] {
  return plan.spec.cacheMounts ? [i.cache] : [];
}
function noCache(plan: PlanWithoutSteps, i: Installer): string[] {
  return plan.spec.cacheMounts ? [] : [i.noCache];
}
/**
 * Where packages come from (the spec's index, extra indexes, find-links pages, trusted hosts), whether pre-releases
 * may be taken, and which packages must come as wheels.
 */
function indexArgs(plan: PlanWithoutSteps, i: Installer): string[] {
  const { indexUrl, extraIndexUrls, findLinks, trustedHosts, pre, onlyBinary } = plan.spec;
  const uv = i !== PIP;
  return [
    ...(indexUrl ? ["--index-url", indexUrl] : []),
    ...extraIndexUrls.flatMap((u) => ["--extra-index-url", u]),
    ...findLinks.flatMap((u) => ["--find-links", u]),
    ...trustedHosts.flatMap((h) => [uv ? "--allow-insecure-host" : "--trusted-host", h]),
    ...(pre ? (uv ? ["--prerelease", "allow"] : ["--pre"]) : []),
    ...onlyBinary.flatMap(i.onlyBinary),
  ];
}

/** Source builds on request (all packages, or those named): the packages the plan compiles, each kept from installing a wheel. */
function noBinary(plan: PlanWithoutSteps, i: Installer): string[] {
  return plan.compiled.filter((name) => compiledOnRequest(plan.spec, name)).flatMap((name) => [i.noBinary, name]);
}

/** A tool in a venv of its own at `venv`, used only to export a lock file to requirements; the venv stays in the builder. */
function exporterVenv(plan: PlanWithoutSteps, venv: string, packages: string[], comment: string): RunStep {
  return run(
    "requirements",
    [
      { tool: "python", args: ["-m", "venv", venv] },
      { tool: `${venv}/bin/pip`, args: ["install", ...noCache(plan, PIP), ...packages] },
    ],
    { caches: caches(plan, PIP), comment: [comment] },
  );
}

/**
 * Where the builder reads the requirements from: requirements.txt or pylock.toml bind-mounted (never copied into a
 * layer), or poetry.lock / Pipfile.lock first exported to requirements by their own tool in a venv of its own.
 */
function requirements(plan: PlanWithoutSteps): { steps: InstallStep[]; inputs: ContextInput[]; target: string[] } {
  switch (plan.spec.dependencySource) {
    case "pyproject": {
      // The project itself, from its pyproject.toml: the context mounted writable for the one RUN (setuptools and
      // others build in the source tree), so neither the sources nor the build files land in a layer.
      const extras = plan.spec.projectExtras;
      return { steps: [], inputs: [{ file: ".", at: PROJECT, rw: true }], target: [extras.length ? `${PROJECT}[${extras.join(",")}]` : PROJECT] };
    }
    case "pylock":
      // uv reads a requirements source as PEP 751 by its name (pylock.toml or pylock.*.toml), so the mount keeps it.
      return { steps: [], inputs: [{ file: "pylock.toml", at: PYLOCK }], target: ["-r", PYLOCK] };
    case "poetry-lock":
      return {
        inputs: [],
        target: ["-r", REQS],
        steps: [
          exporterVenv(plan, "/opt/poetry", [TOOLS.poetry, TOOLS.poetryExport], "Poetry runs in a venv of its own, only to export the locked main dependencies."),
          run("requirements", [{ tool: "/opt/poetry/bin/poetry", args: ["export", "--only", "main", ...plan.spec.projectExtras.flatMap((e) => ["--extras", e]), "--format", "requirements.txt", "--output", REQS] }], {
            inputs: [
              { file: "pyproject.toml", at: "pyproject.toml" },
              { file: "poetry.lock", at: "poetry.lock" },
            ],
          }),
        ],
      };
    case "pipfile-lock": {
      // pipenv's own export reads every kind of Pipfile.lock entry (markers, extras, Git, paths, its index) the way
      // pipenv sync would; the strategy's tool then installs the result, so pipenv never reaches the final image.
      // Hashes keep the locked files exact, but pip refuses a Git checkout in hash-checking mode: none then.
      const hash = plan.spec.gitPackages.length === 0 ? ["--hash"] : [];
      return {
        inputs: [],
        target: ["-r", REQS],
        steps: [
          exporterVenv(plan, "/opt/pipenv", [TOOLS.pipenv], "Pipenv runs in a venv of its own, only to export the locked default packages (not [dev-packages])."),
          run("requirements", [{ tool: "/opt/pipenv/bin/pipenv", args: ["requirements", ...hash], stdout: REQS }], {
            inputs: [
              { file: "Pipfile", at: "Pipfile" },
              { file: "Pipfile.lock", at: "Pipfile.lock" },
            ],
          }),
        ],
      };
    }
    default:
      return { steps: [], inputs: [{ file: "requirements.txt", at: REQS }], target: ["-r", REQS] };
  }
}

interface Strategy {
  installer: Installer;
  /** Steps before the working directory: the tool itself, when the image does not have it. */
  tools: InstallStep[];
  /** The commands that install `what` (["-r", file] or a project directory), and the comment above them. */
  install(plan: PlanWithoutSteps, what: string[]): { calls: ToolCall[]; comment?: string[] };
  /** The final stage's steps that take the installed dependencies over. */
  takeOver(plan: PlanWithoutSteps): InstallStep[];
  /** ENV the final stage needs for them to be found. */
  env: EnvVar[];
}

const VENV_ENV: EnvVar[] = [
  { name: "VIRTUAL_ENV", value: VENV },
  { name: "PATH", value: `${VENV}/bin:$PATH`, expand: true },
];

const copyVenv = (): InstallStep[] => [
  {
    kind: "copy",
    section: "dependencies",
    from: "builder",
    sources: [VENV],
    dest: VENV,
    comment: ["Only the virtualenv crosses over: same python tag, same /usr/local/bin/python3 it links to."],
    why: "Copies the finished virtualenv: packages and console scripts, no compilers, no caches.",
  },
];

const STRATEGIES: Record<StrategyId, Strategy> = {
  uv: {
    installer: UV,
    tools: [
      {
        kind: "copy",
        section: "dependencies",
        from: TOOLS.uvImage,
        sources: ["/uv", "/uvx"],
        dest: "/bin/",
        why: `uv's static binaries from its pinned image (${TOOLS.uvImage}); only the builder has them.`,
      },
      {
        kind: "env",
        section: "dependencies",
        vars: [
          { name: "UV_COMPILE_BYTECODE", value: "1" },
          { name: "UV_LINK_MODE", value: "copy" },
          { name: "UV_PYTHON_DOWNLOADS", value: "never" },
          { name: "UV_PROJECT_ENVIRONMENT", value: VENV },
        ],
      },
    ],
    install: (plan, what) => ({
      comment: ["The venv uses the image's own Python, so it runs unchanged in the final stage."],
      calls: [
        { tool: "uv", args: ["venv", "--python", PYTHON, VENV] },
        { tool: "uv", args: ["pip", "install", "--python", `${VENV}/bin/python`, ...noCache(plan, UV), ...noBinary(plan, UV), ...indexArgs(plan, UV), ...what] },
      ],
    }),
    takeOver: copyVenv,
    env: VENV_ENV,
  },
  venv: {
    installer: PIP,
    tools: [],
    install: (plan, what) => ({
      calls: [
        { tool: "python", args: ["-m", "venv", VENV] },
        { tool: `${VENV}/bin/pip`, args: ["install", ...noCache(plan, PIP), ...noBinary(plan, PIP), ...indexArgs(plan, PIP), ...what] },
      ],
    }),
    takeOver: copyVenv,
    env: VENV_ENV,
  },
  wheelhouse: {
    installer: PIP,
    tools: [],
    install: (plan, what) => ({
      comment: ["A wheel for every dependency: downloaded where one exists, compiled here where not."],
      calls: [{ tool: "pip", args: ["wheel", ...noCache(plan, PIP), ...noBinary(plan, PIP), ...indexArgs(plan, PIP), "--wheel-dir", "/wheels", ...what] }],
    }),
    takeOver: () => [
      run("dependencies", [{ tool: "pip", args: ["install", "--no-cache-dir", "--no-index", "/wheels/*.whl"], glob: true }], {
        from: [{ stage: "builder", path: "/wheels", at: "/wheels" }],
        comment: ["Install only the builder's wheels: bind-mounted, so no wheel file stays in a layer."],
      }),
    ],
    env: [],
  },
  prefix: {
    installer: PIP,
    tools: [],
    install: (plan, what) => ({
      calls: [{ tool: "pip", args: ["install", ...noCache(plan, PIP), ...noBinary(plan, PIP), ...indexArgs(plan, PIP), "--prefix=/install", ...what] }],
    }),
    takeOver: () => [
      {
        kind: "copy",
        section: "dependencies",
        from: "builder",
        sources: ["/install"],
        dest: "/usr/local",
        comment: ["/install holds lib/pythonX.Y/site-packages and bin/ (console scripts): both land under /usr/local."],
      },
    ],
    env: [],
  },
  "site-packages": {
    installer: PIP,
    tools: [],
    install: (plan, what) => ({ calls: [{ tool: "pip", args: ["install", ...noCache(plan, PIP), ...noBinary(plan, PIP), ...indexArgs(plan, PIP), ...what] }] }),
    takeOver: (plan) => {
      const sitePackages = `/usr/local/lib/python${plan.python.version}/site-packages`;
      return [
        {
          kind: "copy",
          section: "dependencies",
          from: "builder",
          sources: [sitePackages],
          dest: sitePackages,
          comment: [
            "Seed 002 copied only site-packages: console scripts (gunicorn, uvicorn) live in /usr/local/bin",
            "and were lost. Copy both. Both stages use the same python tag, so the paths match.",
          ],
        },
        { kind: "copy", section: "dependencies", from: "builder", sources: ["/usr/local/bin"], dest: "/usr/local/bin" },
      ];
    },
    env: [],
  },
};

/** The builder's dependency install: uv.lock synced as locked, or a requirements file installed by the strategy's tool. */
function dependencies(plan: PlanWithoutSteps, strategy: Strategy): InstallStep[] {
  const workdir: InstallStep = { kind: "workdir", section: "dependencies", path: BUILD_DIR };
  if (plan.spec.dependencySource === "uv-lock")
    return [
      workdir,
      run(
        "dependencies",
        [{ tool: "uv", args: ["sync", "--locked", "--no-install-project", "--no-dev", ...plan.spec.projectExtras.flatMap((e) => ["--extra", e]), "--no-editable", "--python", PYTHON, ...noCache(plan, UV), ...noBinary(plan, UV_SYNC), ...indexArgs(plan, UV_SYNC)] }],
        {
          caches: caches(plan, UV),
          inputs: [
            { file: "pyproject.toml", at: "pyproject.toml" },
            { file: "uv.lock", at: "uv.lock" },
          ],
          comment: ["Install the locked dependencies (not the project itself) into /opt/venv."],
        },
      ),
    ];
  const reqs = requirements(plan);
  const install = strategy.install(plan, reqs.target);
  return [
    workdir,
    ...reqs.steps,
    run("dependencies", install.calls, { caches: caches(plan, strategy.installer), inputs: reqs.inputs, comment: install.comment }),
  ];
}

function selfCheck(plan: PlanWithoutSteps): InstallStep[] {
  if (!plan.spec.selfCheck) return [];
  const check = selfCheckOf(plan);
  const where = check.roots.join(", ");
  return [
    {
      kind: "script",
      section: "self-check",
      interpreter: check.interpreter,
      delimiter: SELF_CHECK_DELIMITER,
      lines: selfCheckScript(check),
      comment: ["Self-check: fail the build, not the first request, when a compiled extension misses a shared library", "or a native package does not import. The script is stdin: nothing is added to the image."],
      why:
        `Runs ldd on every compiled extension module under ${where}: a "not found" library fails the build, named with the package that provides it where known` +
        (check.modules.length ? `; then imports ${check.modules.map((m) => m.module).join(", ")}` : "") +
        ". The script is read from a heredoc (nothing copied in, python -B writes no bytecode); turn it off with the Self-check option or --no-self-check.",
    },
  ];
}

export function installSteps(plan: PlanWithoutSteps): InstallPlan {
  const { runtime } = plan.spec;
  const strategy = STRATEGIES[plan.strategy];
  return {
    builder: [...systemPackages(plan.builder), ...strategy.tools, ...dependencies(plan, strategy)],
    final: [...systemPackages(plan.final), ...appUser(plan), ...strategy.takeOver(plan), ...selfCheck(plan)],
    env: [
      ...strategy.env,
      ...(runtime.pythonDontWriteBytecode ? [{ name: "PYTHONDONTWRITEBYTECODE", value: "1" }] : []),
      ...(runtime.pythonUnbuffered ? [{ name: "PYTHONUNBUFFERED", value: "1" }] : []),
      ...runtime.env.map((e) => ({ name: e.name, value: e.value })),
    ],
  };
}
