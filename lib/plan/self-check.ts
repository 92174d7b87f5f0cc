/**
 * The final stage's self-check: one RUN that fails the build when the installed environment is broken, before the
 * image ships. It `ldd`s every compiled extension module where the strategy installed the dependencies (any "not
 * found" is a missing shared library, named with the package that provides it where the knowledge knows), then
 * imports the top-level modules of the known native packages. The script reaches Python on stdin (a heredoc), so
 * nothing is copied in and nothing stays in the image; `python -B` writes no bytecode.
 *
 * Its data (directories, module names, sonames, package names) comes from the plan and the knowledge, never from
 * what a user types; each value is still checked against a strict grammar before it is printed as a Python literal.
 */
import SONAMES from "../knowledge/sonames.json" with { type: "json" };
import type { Plan } from "../resolve";
import type { StrategyId } from "../spec";

/** The heredoc's closing word: a line of the script can never be it (checked by the printer as well). */
export const SELF_CHECK_DELIMITER = "SELFCHECK";

export interface SelfCheck {
  /** The interpreter and its arguments; the script is its stdin. */
  interpreter: string[];
  /** Where the strategy's install put the packages (scanned recursively). */
  roots: string[];
  /** Each top-level module to import, with the package (as PyPI spells it) it belongs to. */
  modules: { module: string; package: string }[];
  /** Soname → the final stage's package that provides it (Debian targets; Alpine has no index here). */
  providers: Record<string, string>;
}

type PlanWithoutSteps = Omit<Plan, "install" | "app">;

const VENV_STRATEGIES: readonly StrategyId[] = ["uv", "venv"];

const MODULE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SONAME = /^[A-Za-z0-9_+.-]+\.so(\.[0-9]+)*$/;
const PACKAGE = /^[A-Za-z0-9][A-Za-z0-9+._-]*$/;
const PATH = /^\/[A-Za-z0-9_./-]+$/;

function checked(re: RegExp, value: string, what: string): string {
  if (!re.test(value)) throw new Error(`refusing to put an unsafe ${what} into the self-check: ${JSON.stringify(value)}`);
  return value;
}

/** What the self-check of this plan checks: its interpreter, the install's directories, modules and providers. */
export function selfCheckOf(plan: PlanWithoutSteps): SelfCheck {
  const venv = VENV_STRATEGIES.includes(plan.strategy);
  const roots = venv ? ["/opt/venv"] : [`/usr/local/lib/python${plan.python.version}/site-packages`];
  const interpreter = [venv ? "/opt/venv/bin/python" : "/usr/local/bin/python3", "-B", "-"];

  // Known native packages: curated entries that compile or load a system library. A package under an environment
  // marker may not be installed at all, so it is not imported.
  const modules: SelfCheck["modules"] = [];
  const seen = new Set<string>();
  for (const p of plan.packages) {
    const k = p.knowledge;
    if (!k || p.requirement.marker || (k.toolchains.length === 0 && !k.needs.some((n) => n.stage === "runtime"))) continue;
    for (const module of k.modules ?? [k.name.replace(/-/g, "_")]) {
      if (seen.has(module)) continue;
      seen.add(module);
      modules.push({ module, package: k.display });
    }
  }

  // Sonames of the runtime packages the plan's packages need on this target, and of the final stage's packages:
  // the packages a missing library can be installed from.
  const target = plan.final.target;
  const table = target === "alpine" ? {} : (SONAMES as Record<string, Record<string, string[]>>)[target] ?? {};
  const candidates = [
    ...plan.final.systemPackages.map((s) => s.name),
    ...plan.packages.flatMap((p) => p.knowledge?.needs.filter((n) => n.stage === "runtime").flatMap((n) => n.packages[target]) ?? []),
  ];
  const providers: Record<string, string> = {};
  for (const pkg of candidates) for (const soname of table[pkg] ?? []) providers[soname] ??= pkg;

  return { interpreter, roots, modules, providers };
}

/** A Python string literal (JSON's escaping is valid Python; the values are ASCII by their grammars). */
const py = (s: string) => JSON.stringify(s);

/**
 * The script's lines: the data as Python literals, then the fixed check. glibc's ldd prints "libx.so.1 => not
 * found"; musl's prints "Error loading shared library libx.so.1: ..." (its "Error relocating" lines name Python's own
 * symbols, which the interpreter provides: not a missing library). Only files with a tagged extension suffix
 * (.cpython-313-x86_64-linux-gnu.so, .abi3.so) are checked: libraries vendored beside them are loaded through them.
 * The imports run with HOME and the XDG and matplotlib config directories in a scratch directory that is removed
 * afterwards: some packages write a cache or config directory when imported (matplotlib, fontconfig through pango).
 * Python 3.6 is the oldest image the spec allows: f-strings, but no subprocess.run(capture_output=, text=).
 * No comment lines: the script is a heredoc, and its text is the Dockerfile's.
 */
export function selfCheckScript(check: SelfCheck): string[] {
  const roots = check.roots.map((r) => py(checked(PATH, r, "directory")));
  const modules = check.modules.map((m) => `(${py(checked(MODULE, m.module, "module name"))}, ${py(checked(PACKAGE, m.package, "package name"))})`);
  const providers = Object.entries(check.providers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([soname, pkg]) => `${py(checked(SONAME, soname, "soname"))}: ${py(checked(PACKAGE, pkg, "package name"))}`);
  return [
    "import importlib, importlib.machinery, os, re, shutil, subprocess, sys, tempfile",
    `ROOTS = [${roots.join(", ")}]`,
    `MODULES = [${modules.join(", ")}]`,
    `PROVIDERS = {${providers.join(", ")}}`,
    'MISSING = re.compile(r"^\\s*(\\S+) => not found|Error loading shared library (\\S+?):", re.M)',
    'SUFFIXES = tuple(s for s in importlib.machinery.EXTENSION_SUFFIXES if s != ".so")',
    'ldd = shutil.which("ldd")',
    "if ldd is None:",
    '    sys.exit("self-check: no ldd in the image, cannot check the shared libraries")',
    "problems, checked = [], 0",
    "for root in ROOTS:",
    "    for folder, _, files in os.walk(root):",
    "        for name in sorted(files):",
    "            path = os.path.join(folder, name)",
    "            if not name.endswith(SUFFIXES) or os.path.islink(path):",
    "                continue",
    "            checked += 1",
    '            out = subprocess.run([ldd, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, errors="replace")',
    "            for m in MISSING.finditer(out.stdout + out.stderr):",
    "                soname = m.group(1) or m.group(2)",
    "                owner = PROVIDERS.get(soname)",
    '                problems.append(f"{soname} not found" + (f" (provided by {owner})" if owner else "") + f", needed by {path}")',
    "scratch = tempfile.mkdtemp()",
    'for var in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "MPLCONFIGDIR"):',
    "    os.environ[var] = scratch",
    "for module, package in MODULES:",
    "    try:",
    "        importlib.import_module(module)",
    "    except Exception as e:",
    '        problems.append(f"import {module} ({package}) failed: {type(e).__name__}: {e}")',
    "shutil.rmtree(scratch, ignore_errors=True)",
    "for p in problems:",
    '    print("self-check:", p, file=sys.stderr)',
    "if problems:",
    "    sys.exit(1)",
    'print(f"self-check: {checked} extension modules resolve their libraries, {len(MODULES)} modules import")',
  ];
}
