/**
 * `wheelwright init`'s decisions: a project folder (its file names and the text of the few files that matter)
 * → a build spec, the compose options, and every decision with the reason for it. Pure: the CLI
 * (cli/init.ts) reads the folder and writes the files.
 */
import { normalizeName } from "./knowledge/names";
import { PYTHON_VERSIONS, variantsFor, type VariantId } from "./knowledge/python-images";
import { parseLockfile } from "./lockfiles";
import { parsePyproject, pyprojectRequiresPython } from "./pyproject";
import { parseRequirementsTxt, type ParsedRequirements } from "./requirements";
import { DEFAULT_SPEC, HTTP_PATH, parseSpec, type BuildSpec, type BuildSpecInput, type Requirement } from "./spec";
import { SERVICE_NAME } from "./render/compose";

export interface ProjectFolder {
  /** The folder's own name (the compose service is named after it). */
  name: string;
  /** Relative paths (with /) of the files at the top level and one folder down. */
  paths: string[];
  /** Text of the files wantedFiles(paths) asked for, by path. */
  text: Record<string, string>;
}

export interface Decision {
  topic: string;
  choice: string;
  why: string;
}

export type InitPlan =
  | {
      ok: true;
      spec: BuildSpec;
      service: string;
      envFile: boolean;
      /** requirements.txt to write (pyproject.toml without a lock file: the Dockerfile installs this). */
      requirementsTxt: boolean;
      decisions: Decision[];
      /** Things the user should fix or check, one line each. */
      warnings: string[];
    }
  | { ok: false; message: string };

const PORT = 8000;
const base = (p: string) => p.slice(p.lastIndexOf("/") + 1);
const dir = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");
const isRequirementsTxt = (p: string) => /^requirements[\w.-]*\.txt$/.test(base(p)) && (!p.includes("/") || dir(p) === "requirements");
/** Python files an app object may live in: top level or one package down, not tests or migrations. */
const isAppModule = (p: string) => p.endsWith(".py") && !/(^|\/)(tests?|migrations)(\/|$)|(^|\/)(test_|conftest|setup\.py$)/.test(p);

/** The files whose text the decisions read, among the folder's paths. */
export function wantedFiles(paths: readonly string[]): string[] {
  return paths.filter((p) => ["pyproject.toml", ".python-version", "manage.py", "Pipfile.lock"].includes(p) || isRequirementsTxt(p) || isAppModule(p) || base(p) === "urls.py");
}

const PROJECT_MARKERS = "requirements*.txt, pyproject.toml, uv.lock, poetry.lock, Pipfile.lock, manage.py or a Python app module";

/** Major.minor candidates, newest first: supported releases before end-of-life ones; no pre-releases. */
const CANDIDATES = [...PYTHON_VERSIONS.filter((p) => p.status === "supported"), ...PYTHON_VERSIONS.filter((p) => p.status === "end-of-life")];

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Whether Python X.Y satisfies a requires-python specifier, compared on major.minor (X.Y stands for its
 * whole series: ">=3.11.4" admits 3.11, "<3.13" does not admit 3.13).
 */
export function admits(specifier: string, version: string): boolean | undefined {
  const v = version.split(".").map(Number);
  for (const raw of specifier.split(",")) {
    const m = raw.trim().match(/^(~=|===|==|!=|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?$/);
    if (!m) return undefined;
    const [, op, num, star] = m;
    const want = num.split(".").map(Number);
    const c = compare(v, want.slice(0, 2));
    const patch = want.length > 2;
    let ok: boolean;
    switch (op) {
      case ">=": ok = c >= 0; break;
      case ">": ok = patch ? c >= 0 : c > 0; break;
      case "<=": ok = c <= 0; break;
      case "<": ok = c < 0 || (c === 0 && patch && want[2] > 0); break;
      case "~=": ok = c >= 0 && (patch ? c === 0 : v[0] === want[0]); break;
      case "!=": ok = star || !patch ? c !== 0 : true; break;
      default: ok = c === 0; // == and ===, with or without .*
    }
    if (!ok) return false;
  }
  return true;
}

function choosePython(folder: ProjectFolder, decisions: Decision[], warnings: string[]): string {
  const pinned = folder.text[".python-version"]?.split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith("#"));
  if (pinned !== undefined) {
    const m = pinned.match(/^(?:cpython-|python)?(\d+\.\d+)(?:\.\d+)?/);
    const found = m && CANDIDATES.find((p) => p.version === m[1]);
    if (found) {
      decisions.push({ topic: "Python", choice: found.version, why: `.python-version says ${pinned}` });
      if (found.status === "end-of-life") warnings.push(`Python ${found.version} reached its end of life on ${found.endOfLife}: plan an upgrade`);
      return found.version;
    }
    warnings.push(`.python-version says "${pinned}", which is not an official python image Wheelwright knows: ignored`);
  }
  const requires = folder.text["pyproject.toml"] !== undefined ? pyprojectRequiresPython(folder.text["pyproject.toml"]) : undefined;
  if (requires !== undefined) {
    const fit = CANDIDATES.find((p) => admits(requires, p.version));
    if (fit) {
      decisions.push({ topic: "Python", choice: fit.version, why: `the newest ${fit.status === "supported" ? "supported " : ""}release that requires-python "${requires}" admits` });
      return fit.version;
    }
    warnings.push(`requires-python "${requires}" admits no Python image Wheelwright knows (or is not understood): using the default`);
  }
  decisions.push({ topic: "Python", choice: DEFAULT_SPEC.python, why: "no .python-version or requires-python: the newest stable release" });
  return DEFAULT_SPEC.python;
}

function chooseBase(python: string): VariantId {
  return (["slim-trixie", "slim-bookworm", "slim-bullseye"] as const).find((v) => variantsFor(python).includes(v)) ?? variantsFor(python)[0];
}

/** The packages of a parsed file, with a warning naming the first line that was skipped. */
function packagesOf(file: string, parsed: ParsedRequirements, warnings: string[]): Requirement[] {
  if (parsed.problems.length) {
    const p = parsed.problems[0];
    warnings.push(`${file}${p.line ? `:${p.line}` : ""}: ${p.message}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more lines)` : ""}; skipped when choosing system packages`);
  }
  const seen = new Set<string>();
  return parsed.requirements.filter((r) => !seen.has(normalizeName(r.name)) && seen.add(normalizeName(r.name)));
}

interface App {
  kind: "django" | "fastapi" | "flask" | "module" | "script";
  command: string[];
  port: number | null;
  why: string;
  env?: { name: string; value: string }[];
  server?: string;
}

const moduleOf = (path: string) => path.replace(/\.py$/, "").replace(/\/__init__$/, "").replace(/\//g, ".");
const VALID_MODULE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The app module files in preference order: the usual names first, then the rest, top level before nested. */
function appModules(folder: ProjectFolder): string[] {
  const usual = ["main.py", "app.py", "app/main.py", "app/__init__.py", "src/main.py", "src/app.py", "wsgi.py", "asgi.py", "server.py", "api.py"];
  const modules = Object.keys(folder.text).filter((p) => isAppModule(p) && VALID_MODULE.test(moduleOf(p)));
  const rank = (p: string) => (usual.includes(p) ? usual.indexOf(p) : usual.length + p.split("/").length);
  return modules.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

function findApp(folder: ProjectFolder): App | undefined {
  const has = (p: string) => folder.paths.includes(p);
  if (has("manage.py")) {
    const wsgi = folder.paths.find((p) => base(p) === "wsgi.py" && dir(p) && !dir(p).includes("/"));
    const asgi = folder.paths.find((p) => base(p) === "asgi.py" && dir(p) && !dir(p).includes("/"));
    const project = dir(wsgi ?? asgi ?? "");
    if (project && VALID_MODULE.test(project)) {
      const settings = has(`${project}/settings.py`) || folder.paths.some((p) => p.startsWith(`${project}/settings/`)) ? [{ name: "DJANGO_SETTINGS_MODULE", value: `${project}.settings` }] : [];
      if (wsgi) return { kind: "django", command: ["gunicorn", "--bind", `0.0.0.0:${PORT}`, `${project}.wsgi:application`], port: PORT, why: `manage.py and ${wsgi}: Django, served by gunicorn over WSGI`, env: settings, server: "gunicorn" };
      return { kind: "django", command: ["uvicorn", `${project}.asgi:application`, "--host", "0.0.0.0", "--port", String(PORT)], port: PORT, why: `manage.py and ${asgi} (no wsgi.py): Django over ASGI, served by uvicorn`, env: settings, server: "uvicorn" };
    }
  }
  for (const path of appModules(folder)) {
    const text = folder.text[path];
    const mod = moduleOf(path);
    const fastapi = text.match(/^([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*[\w.]+\s*)?=\s*(?:fastapi\.)?FastAPI\(/m);
    if (fastapi) return { kind: "fastapi", command: ["uvicorn", `${mod}:${fastapi[1]}`, "--host", "0.0.0.0", "--port", String(PORT)], port: PORT, why: `${path} creates the FastAPI app "${fastapi[1]}": served by uvicorn`, server: "uvicorn" };
    const flask = text.match(/^([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*[\w.]+\s*)?=\s*(?:flask\.)?Flask\(/m);
    if (flask) return { kind: "flask", command: ["gunicorn", "--bind", `0.0.0.0:${PORT}`, `${mod}:${flask[1]}`], port: PORT, why: `${path} creates the Flask app "${flask[1]}": served by gunicorn`, server: "gunicorn" };
    if (/^def create_app\(/m.test(text) && /\bflask\b/i.test(text))
      return { kind: "flask", command: ["gunicorn", "--bind", `0.0.0.0:${PORT}`, `${mod}:create_app()`], port: PORT, why: `${path} has a Flask app factory create_app(): served by gunicorn`, server: "gunicorn" };
  }
  const main = folder.paths.find((p) => base(p) === "__main__.py" && dir(p) && VALID_MODULE.test(moduleOf(dir(p))));
  if (main) return { kind: "module", command: ["python", "-m", moduleOf(dir(main))], port: null, why: `${main}: the package runs as a module; no web server, so no port` };
  const script = ["main.py", "app.py"].find((p) => /^if __name__ == ["']__main__["']\s*:/m.test(folder.text[p] ?? ""));
  if (script) return { kind: "script", command: ["python", script], port: null, why: `${script} runs as a script (if __name__ == "__main__"); no web server, so no port` };
  return undefined;
}

/** A health route the app declares (FastAPI/Flask decorators, Django urls.py), or undefined. */
function findHealthPath(folder: ProjectFolder): { path: string; file: string } | undefined {
  const route = /\b(?:route|get|api_route|path|re_path)\(\s*r?["'](\^?\/?(?:healthz?|health-check|healthcheck|ping|livez|readyz)\/?\$?)["']/;
  for (const [file, text] of Object.entries(folder.text)) {
    if (!file.endsWith(".py")) continue;
    const m = text.match(route);
    if (m) {
      const path = `/${m[1].replace(/^\^/, "").replace(/\$$/, "").replace(/^\//, "")}`;
      if (HTTP_PATH.test(path)) return { path, file };
    }
  }
  return undefined;
}

function serviceName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
  return SERVICE_NAME.test(name) ? name : "app";
}

export function planInit(folder: ProjectFolder): InitPlan {
  const has = (p: string) => folder.paths.includes(p);
  const requirementsFiles = folder.paths.filter(isRequirementsTxt).sort();
  const app = findApp(folder);
  const known = requirementsFiles.length || ["pyproject.toml", "uv.lock", "poetry.lock", "Pipfile.lock", "manage.py"].some(has) || app;
  if (!known) return { ok: false, message: `no Python project in ${folder.name}: none of ${PROJECT_MARKERS} found` };

  const decisions: Decision[] = [];
  const warnings: string[] = [];
  const python = choosePython(folder, decisions, warnings);
  const variant = chooseBase(python);
  decisions.push({ topic: "Base image", choice: `python:${python}-${variant}`, why: variant.startsWith("slim") ? "slim: only what Python needs; compilers stay in the build stage" : "the variant this Python is published as" });

  // Dependencies: a lock file wins (it pins everything), then requirements.txt, then pyproject.toml alone.
  let dependencySource: BuildSpec["dependencySource"] = "requirements";
  let strategy: BuildSpec["strategy"] = "uv";
  let packages: Requirement[] = [];
  let requirementsTxt = false;
  const pyproject = folder.text["pyproject.toml"];
  if (has("uv.lock") && pyproject !== undefined) {
    dependencySource = "uv-lock";
    packages = packagesOf("pyproject.toml", parsePyproject(pyproject), warnings);
    decisions.push({ topic: "Dependencies", choice: "pyproject.toml + uv.lock", why: "uv.lock pins every version; uv sync --locked installs exactly that" });
    decisions.push({ topic: "Strategy", choice: "uv", why: "a uv.lock is installed with uv" });
  } else if (has("poetry.lock") && pyproject !== undefined) {
    dependencySource = "poetry-lock";
    strategy = "venv";
    packages = packagesOf("pyproject.toml", parsePyproject(pyproject), warnings);
    decisions.push({ topic: "Dependencies", choice: "pyproject.toml + poetry.lock", why: "poetry.lock pins every version; the build exports it to requirements" });
    decisions.push({ topic: "Strategy", choice: "venv", why: "the exported requirements install into a virtualenv that is copied to the final stage" });
  } else if (has("Pipfile.lock") && has("Pipfile")) {
    dependencySource = "pipfile-lock";
    strategy = "venv";
    packages = packagesOf("Pipfile.lock", parseLockfile(folder.text["Pipfile.lock"] ?? "", "pipfile-lock"), warnings);
    decisions.push({ topic: "Dependencies", choice: "Pipfile + Pipfile.lock", why: "Pipfile.lock pins every version; the build exports its default packages with pipenv requirements" });
    decisions.push({ topic: "Strategy", choice: "venv", why: "the exported requirements install into a virtualenv that is copied to the final stage" });
  } else if (has("requirements.txt")) {
    packages = packagesOf("requirements.txt", parseRequirementsTxt(folder.text["requirements.txt"] ?? ""), warnings);
    decisions.push({ topic: "Dependencies", choice: "requirements.txt", why: `${packages.length} package${packages.length === 1 ? "" : "s"} listed${has("Pipfile.lock") ? "; Pipfile.lock is not read (requirements.txt is)" : ""}` });
    decisions.push({ topic: "Strategy", choice: "uv", why: "uv installs requirements.txt fastest, into a virtualenv copied to the final stage" });
    const others = requirementsFiles.filter((p) => p !== "requirements.txt");
    if (others.length) warnings.push(`also found ${others.join(", ")}: not installed (the image installs requirements.txt)`);
  } else if (pyproject !== undefined) {
    packages = packagesOf("pyproject.toml", parsePyproject(pyproject), warnings);
    requirementsTxt = true;
    decisions.push({ topic: "Dependencies", choice: "requirements.txt from pyproject.toml", why: "pyproject.toml has no uv.lock or poetry.lock: its dependencies are written to requirements.txt, which the image installs (uv lock would pin them)" });
    decisions.push({ topic: "Strategy", choice: "uv", why: "uv installs requirements.txt fastest, into a virtualenv copied to the final stage" });
  } else if (has("Pipfile.lock")) {
    return { ok: false, message: "Pipfile.lock without its Pipfile: pipenv exports the lock only with both; add the Pipfile, or run `pipenv requirements > requirements.txt`, then wheelwright init again" };
  } else if (requirementsFiles.length) {
    return { ok: false, message: `found ${requirementsFiles.join(", ")} but no requirements.txt, which the image installs: copy the one for production to requirements.txt, then wheelwright init again` };
  } else {
    warnings.push("no requirements.txt, pyproject.toml or lock file: the image installs no dependencies (an empty requirements.txt is written)");
    requirementsTxt = true;
    decisions.push({ topic: "Dependencies", choice: "none", why: "no dependency file found" });
    decisions.push({ topic: "Strategy", choice: "uv", why: "the default" });
  }

  const command = app?.command ?? ["python", "-m", "app"];
  const port = app?.port ?? null;
  decisions.push({ topic: "Command", choice: command.join(" "), why: app?.why ?? "no Django project, FastAPI/Flask app object or __main__ module found: edit the CMD to start your app" });
  if (app?.server && !packages.some((p) => normalizeName(p.name) === app.server))
    warnings.push(`${app.server} is not among the dependencies, but the command runs it: add it`);
  decisions.push({ topic: "Port", choice: port === null ? "none" : String(port), why: port === null ? "the command serves no HTTP" : `${app?.server} listens on ${port}` });

  const health = port !== null ? findHealthPath(folder) : undefined;
  decisions.push({
    topic: "Health check",
    choice: health ? `GET ${health.path}` : "off",
    why: health ? `${health.file} declares the route ${health.path}` : port === null ? "nothing to call without a port" : "no /health (or /healthz, /ping) route found; add one, then enable it",
  });
  const envFile = has(".env");
  decisions.push({ topic: "Env file", choice: envFile ? ".env" : "none", why: envFile ? ".env exists: compose passes it at run time, .dockerignore keeps it out of the image" : "no .env in the folder" });

  const service = serviceName(folder.name);
  decisions.push({ topic: "Service", choice: service, why: service === "app" && serviceName(folder.name) !== folder.name.toLowerCase() ? "the folder name is not a valid service name" : "named after the folder" });

  const input: BuildSpecInput = {
    ...DEFAULT_SPEC,
    python,
    base: variant,
    finalBase: null,
    strategy,
    dependencySource,
    packages,
    runtime: {
      ...DEFAULT_SPEC.runtime,
      command,
      port,
      healthcheck: { enabled: health !== undefined, path: health?.path ?? "/health" },
      env: app?.env ?? [],
    },
  };
  const parsed = parseSpec(input);
  if (!parsed.ok) return { ok: false, message: `cannot describe this project as a build spec: ${parsed.issues[0].field}: ${parsed.issues[0].message}` };
  return { ok: true, spec: parsed.spec, service, envFile, requirementsTxt, decisions, warnings };
}
