/**
 * plan → Dockerfile text. Builds a list of typed instructions (instructions.ts prints and quotes
 * them). One function per concern; the install strategies differ only in the table below.
 */
import { TOOLS } from "../knowledge/tools";
import type { Plan, PlannedStage, PlannedSystemPackage } from "../resolve";
import type { StrategyId } from "../spec";
import { printAnnotated, type Annotated, type LineNote, type Mount, type ShellCommand } from "./instructions";

type Instruction = Annotated;

const VENV = "/opt/venv";
const BUILD_DIR = "/build";
const REQS = "/tmp/requirements.txt";

function reasonText(p: PlannedSystemPackage): string {
  return p.reasons
    .map((r) => (r.kind === "user" ? r.why : `${r.pythonPackage}: ${r.why}`))
    .join("; ");
}

/** The comment above a package install: one line per package saying why it is there. */
function packageComment(title: string, packages: PlannedSystemPackage[]): Instruction {
  const width = Math.max(...packages.map((p) => p.name.length));
  return { kind: "comment", lines: [title, ...packages.map((p) => `  ${p.name.padEnd(width)}  ← ${reasonText(p)}`)] };
}

function installSystemPackages(stage: PlannedStage): Instruction[] {
  const names = stage.systemPackages.map((p) => p.name);
  if (names.length === 0) return [];
  const title =
    stage.name === "builder"
      ? "Build-only system packages: compilers and headers stay in this stage."
      : "Runtime libraries the installed packages load (no compilers, no -dev packages).";
  const commands: ShellCommand[] =
    stage.family === "alpine"
      ? [{ words: ["apk", "add", "--no-cache"], items: names }]
      : [
          { words: ["apt-get", "update"] },
          { words: ["apt-get", "install", "-y", "--no-install-recommends"], items: names },
          { words: ["rm", "-rf", "/var/lib/apt/lists/*"] },
        ];
  const why = stage.systemPackages.map((p) => `${p.name} ← ${reasonText(p)}`).join("\n");
  return [packageComment(title, stage.systemPackages), { kind: "run", commands, why: `${title}\n${why}` }, { kind: "blank" }];
}

function pipCache(plan: Plan): Mount[] {
  return plan.spec.cacheMounts ? [{ type: "cache", target: "/root/.cache/pip" }] : [];
}
function pipNoCache(plan: Plan): string[] {
  return plan.spec.cacheMounts ? [] : ["--no-cache-dir"];
}
/** pip and uv both accept the flag once per package. */
function noBinary(plan: Plan, flag = "--no-binary"): string[] {
  return plan.spec.buildFromSource ? plan.compiled.flatMap((name) => [flag, name]) : [];
}

/**
 * Where the builder reads the requirements from. For requirements.txt it is bind-mounted (never
 * copied into a layer); a lock file is first exported to requirements (poetry) or synced (uv).
 */
function requirementsInput(plan: Plan): { mounts: Mount[]; path: string; prepare: Instruction[] } {
  const source = plan.spec.dependencySource;
  if (source === "poetry-lock") {
    return {
      mounts: [],
      path: REQS,
      prepare: [
        { kind: "comment", lines: ["Poetry runs in a venv of its own, only to export the locked main dependencies."] },
        {
          kind: "run",
          mounts: pipCache(plan),
          commands: [
            { words: ["python", "-m", "venv", "/opt/poetry"] },
            { words: ["/opt/poetry/bin/pip", "install", ...pipNoCache(plan), TOOLS.poetry, TOOLS.poetryExport] },
          ],
        },
        {
          kind: "run",
          mounts: [
            { type: "bind", source: "pyproject.toml", target: "pyproject.toml" },
            { type: "bind", source: "poetry.lock", target: "poetry.lock" },
          ],
          commands: [{ words: ["/opt/poetry/bin/poetry", "export", "--only", "main", "--format", "requirements.txt", "--output", REQS] }],
        },
        { kind: "blank" },
      ],
    };
  }
  return { mounts: [{ type: "bind", source: "requirements.txt", target: REQS }], path: REQS, prepare: [] };
}

interface StrategyRecipe {
  /** Instructions of the builder stage after its system packages. */
  builder(plan: Plan): Instruction[];
  /** Instructions of the final stage that bring the dependencies in. */
  final(plan: Plan): Instruction[];
  /** ENV the final stage needs for the installed packages to be found. */
  finalEnv: { name: string; value: string; expand?: boolean }[];
}

const VENV_ENV = [
  { name: "VIRTUAL_ENV", value: VENV },
  { name: "PATH", value: `${VENV}/bin:$PATH`, expand: true },
];

const copyVenv = (): Instruction[] => [
  { kind: "comment", lines: ["Only the virtualenv crosses over: same python tag, same /usr/local/bin/python3 it links to."] },
  { kind: "copy", from: "builder", sources: [VENV], dest: VENV, why: "Copies the finished virtualenv: packages and console scripts, no compilers, no caches." },
];

const RECIPES: Record<StrategyId, StrategyRecipe> = {
  uv: {
    builder(plan) {
      const cache: Mount[] = plan.spec.cacheMounts ? [{ type: "cache", target: "/root/.cache/uv" }] : [];
      const noCache = plan.spec.cacheMounts ? [] : ["--no-cache"];
      const head: Instruction[] = [
        { kind: "copy", from: TOOLS.uvImage, sources: ["/uv", "/uvx"], dest: "/bin/", why: `uv's static binaries from its pinned image (${TOOLS.uvImage}); only the builder has them.` },
        {
          kind: "env",
          vars: [
            { name: "UV_COMPILE_BYTECODE", value: "1" },
            { name: "UV_LINK_MODE", value: "copy" },
            { name: "UV_PYTHON_DOWNLOADS", value: "never" },
            { name: "UV_PROJECT_ENVIRONMENT", value: VENV },
          ],
        },
        { kind: "workdir", path: BUILD_DIR },
      ];
      if (plan.spec.dependencySource === "uv-lock") {
        return [
          ...head,
          { kind: "comment", lines: ["Install the locked dependencies (not the project itself) into /opt/venv."] },
          {
            kind: "run",
            mounts: [
              ...cache,
              { type: "bind", source: "pyproject.toml", target: "pyproject.toml" },
              { type: "bind", source: "uv.lock", target: "uv.lock" },
            ],
            commands: [
              {
                words: ["uv", "sync", "--locked", "--no-install-project", "--no-dev", "--no-editable", "--python", "/usr/local/bin/python3", ...noCache, ...noBinary(plan, "--no-binary-package")],
              },
            ],
          },
        ];
      }
      const input = requirementsInput(plan);
      return [
        ...head,
        ...input.prepare,
        { kind: "comment", lines: ["The venv uses the image's own Python, so it runs unchanged in the final stage."] },
        {
          kind: "run",
          mounts: [...cache, ...input.mounts],
          commands: [
            { words: ["uv", "venv", "--python", "/usr/local/bin/python3", VENV] },
            { words: ["uv", "pip", "install", "--python", `${VENV}/bin/python`, ...noCache, ...noBinary(plan), "-r", input.path] },
          ],
        },
      ];
    },
    final: copyVenv,
    finalEnv: VENV_ENV,
  },
  venv: {
    builder(plan) {
      const input = requirementsInput(plan);
      return [
        { kind: "workdir", path: BUILD_DIR },
        ...input.prepare,
        {
          kind: "run",
          mounts: [...pipCache(plan), ...input.mounts],
          commands: [
            { words: ["python", "-m", "venv", VENV] },
            { words: [`${VENV}/bin/pip`, "install", ...pipNoCache(plan), ...noBinary(plan), "-r", input.path] },
          ],
        },
      ];
    },
    final: copyVenv,
    finalEnv: VENV_ENV,
  },
  wheelhouse: {
    builder(plan) {
      const input = requirementsInput(plan);
      return [
        { kind: "workdir", path: BUILD_DIR },
        ...input.prepare,
        { kind: "comment", lines: ["A wheel for every dependency: downloaded where one exists, compiled here where not."] },
        {
          kind: "run",
          mounts: [...pipCache(plan), ...input.mounts],
          commands: [{ words: ["pip", "wheel", ...pipNoCache(plan), ...noBinary(plan), "--wheel-dir", "/wheels", "-r", input.path] }],
        },
      ];
    },
    final: () => [
      { kind: "comment", lines: ["Install only the builder's wheels: bind-mounted, so no wheel file stays in a layer."] },
      {
        kind: "run",
        mounts: [{ type: "bind", from: "builder", source: "/wheels", target: "/wheels" }],
        commands: [{ words: ["pip", "install", "--no-cache-dir", "--no-index", "/wheels/*.whl"] }],
      },
    ],
    finalEnv: [],
  },
  prefix: {
    builder(plan) {
      const input = requirementsInput(plan);
      return [
        { kind: "workdir", path: BUILD_DIR },
        ...input.prepare,
        {
          kind: "run",
          mounts: [...pipCache(plan), ...input.mounts],
          commands: [{ words: ["pip", "install", ...pipNoCache(plan), ...noBinary(plan), "--prefix=/install", "-r", input.path] }],
        },
      ];
    },
    final: () => [
      { kind: "comment", lines: ["/install holds lib/pythonX.Y/site-packages and bin/ (console scripts): both land under /usr/local."] },
      { kind: "copy", from: "builder", sources: ["/install"], dest: "/usr/local" },
    ],
    finalEnv: [],
  },
  "site-packages": {
    builder(plan) {
      const input = requirementsInput(plan);
      return [
        { kind: "workdir", path: BUILD_DIR },
        ...input.prepare,
        {
          kind: "run",
          mounts: [...pipCache(plan), ...input.mounts],
          commands: [{ words: ["pip", "install", ...pipNoCache(plan), ...noBinary(plan), "-r", input.path] }],
        },
      ];
    },
    final: (plan) => {
      const sitePackages = `/usr/local/lib/python${plan.python.version}/site-packages`;
      return [
        {
          kind: "comment",
          lines: [
            "Seed 002 copied only site-packages: console scripts (gunicorn, uvicorn) live in /usr/local/bin",
            "and were lost. Copy both. Both stages use the same python tag, so the paths match.",
          ],
        },
        { kind: "copy", from: "builder", sources: [sitePackages], dest: sitePackages },
        { kind: "copy", from: "builder", sources: ["/usr/local/bin"], dest: "/usr/local/bin" },
      ];
    },
    finalEnv: [],
  },
};

function createUser(plan: Plan): Instruction[] {
  const { enabled, name, uid } = plan.spec.runtime.user;
  if (!enabled) return [];
  const commands: ShellCommand[] =
    plan.final.family === "alpine"
      ? [
          { words: ["addgroup", "-S", "-g", String(uid), name] },
          { words: ["adduser", "-S", "-D", "-H", "-u", String(uid), "-G", name, "-s", "/sbin/nologin", name] },
        ]
      : [
          { words: ["groupadd", "--system", "--gid", String(uid), name] },
          { words: ["useradd", "--system", "--uid", String(uid), "--gid", name, "--no-create-home", "--shell", "/usr/sbin/nologin", name] },
        ];
  return [
    { kind: "comment", lines: ["An unprivileged user to run the app; the code stays owned by root, read-only to it."] },
    { kind: "run", commands, why: `Creates the user ${name} (uid ${uid}) the app runs as, so a compromise does not get root.` },
    { kind: "blank" },
  ];
}

function copyApp(plan: Plan): Instruction[] {
  return plan.spec.runtime.copy.map((path) => {
    const clean = path.replace(/\/+$/, "") || ".";
    const dest = clean === "." ? "." : `./${clean.replace(/^\.\//, "")}`;
    return { kind: "copy", sources: [clean], dest, why: "Your application code, copied last so dependency layers stay cached when only code changes." } as Instruction;
  });
}

function healthcheck(plan: Plan): Instruction[] {
  const { healthcheck: hc, port } = plan.spec.runtime;
  if (!hc.enabled || port === null) return [];
  const url = `http://127.0.0.1:${port}${hc.path}`;
  return [
    { kind: "comment", lines: ["Slim images have no curl or wget: the check uses Python's own urllib (non-2xx/3xx exits 1)."] },
    {
      kind: "healthcheck",
      interval: "30s",
      timeout: "5s",
      startPeriod: "10s",
      retries: 3,
      argv: ["python", "-c", `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`],
      why: `Docker marks the container unhealthy when ${url} stops answering; uses Python because slim images have no curl or wget.`,
    },
  ];
}

function header(plan: Plan): Instruction[] {
  const { spec } = plan;
  const lines = [
    `Generated by Wheelwright: Python ${plan.python.version}, strategy ${spec.strategy}, ${spec.platform}.`,
    `Build: docker build${spec.platform === "linux/arm64" ? " --platform linux/arm64" : ""} -t app .`,
  ];
  const source = spec.dependencySource === "requirements" ? "requirements.txt" : spec.dependencySource === "uv-lock" ? "pyproject.toml and uv.lock" : "pyproject.toml and poetry.lock";
  lines.push(`Expects ${source} in the build context.`);
  return [{ kind: "syntax" }, { kind: "comment", lines }, { kind: "blank" }];
}

export function dockerfileInstructions(plan: Plan): Instruction[] {
  const { spec } = plan;
  const recipe = RECIPES[spec.strategy];
  const pythonEnv = [
    ...(spec.runtime.pythonDontWriteBytecode ? [{ name: "PYTHONDONTWRITEBYTECODE", value: "1" }] : []),
    ...(spec.runtime.pythonUnbuffered ? [{ name: "PYTHONUNBUFFERED", value: "1" }] : []),
  ];
  const env = [...recipe.finalEnv, ...pythonEnv, ...spec.runtime.env.map((e) => ({ name: e.name, value: e.value }))];
  const port = spec.runtime.port;
  return [
    ...header(plan),
    { kind: "comment", lines: ["---- builder: installs and compiles the dependencies; discarded after the build ----"] },
    { kind: "from", image: plan.builder.image, as: "builder", why: "The builder stage: compilers, headers and caches live here and are thrown away after the build." },
    { kind: "blank" },
    ...installSystemPackages(plan.builder),
    ...recipe.builder(plan),
    { kind: "blank" },
    { kind: "comment", lines: ["---- final: what runs in production ----"] },
    { kind: "from", image: plan.final.image, as: "final", why: "The final stage starts clean from the same Python image: only what is copied or installed below ships." },
    { kind: "blank" },
    ...installSystemPackages(plan.final),
    ...createUser(plan),
    ...recipe.final(plan),
    ...(env.length ? [{ kind: "env", vars: env, why: "PATH puts the installed console scripts first; PYTHONDONTWRITEBYTECODE and PYTHONUNBUFFERED keep the filesystem clean and logs immediate." } as Instruction] : []),
    { kind: "blank" },
    { kind: "workdir", path: spec.runtime.workdir },
    ...copyApp(plan),
    { kind: "blank" },
    ...(spec.runtime.user.enabled
      ? [{ kind: "user", user: `${spec.runtime.user.uid}:${spec.runtime.user.uid}`, why: "Numeric uid:gid, so Kubernetes' runAsNonRoot can verify it." } as Instruction]
      : []),
    ...(port !== null ? [{ kind: "expose", port, why: "Documents the port the app listens on; publish it with docker run -p." } as Instruction] : []),
    ...healthcheck(plan),
    { kind: "cmd", argv: spec.runtime.command, why: "Exec form (a JSON array): the app is PID 1 and receives SIGTERM directly; no shell parses it." },
  ];
}

export function renderDockerfileWithNotes(plan: Plan): { text: string; notes: LineNote[] } {
  return printAnnotated(dockerfileInstructions(plan));
}

export function renderDockerfile(plan: Plan): string {
  return renderDockerfileWithNotes(plan).text;
}
