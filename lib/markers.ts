/**
 * PEP 508 environment markers, evaluated against the image the build targets: CPython on Linux, the chosen
 * Python version and the platform's machine. Browser-safe, never throws.
 */
import { pythonInfo } from "./knowledge/python-images";
import { compareVersionOp } from "./versions";

export interface MarkerEnvironment {
  python_version: string;
  python_full_version: string;
  os_name: string;
  sys_platform: string;
  platform_system: string;
  platform_machine: string;
  platform_python_implementation: string;
  implementation_name: string;
  implementation_version: string;
  /** Unknown until the image runs: a comparison with them is undecided. */
  platform_release?: string;
  platform_version?: string;
}

/** The environment of the official python image for a version ("3.12", full "3.12.13") and platform. */
export function markerEnvironment(python: string, fullVersion: string, platform: string): MarkerEnvironment {
  return {
    python_version: python,
    python_full_version: fullVersion,
    os_name: "posix",
    sys_platform: "linux",
    platform_system: "Linux",
    platform_machine: platform.endsWith("arm64") ? "aarch64" : "x86_64",
    platform_python_implementation: "CPython",
    implementation_name: "cpython",
    implementation_version: fullVersion,
  };
}

/** The environment for a Python version of the image table ("3.12") and a platform; undefined for an unknown version. */
export function targetEnvironment(python: string, platform: string): MarkerEnvironment | undefined {
  const info = pythonInfo(python);
  return info ? markerEnvironment(info.version, info.fullVersion, platform) : undefined;
}

type Token = { kind: "var"; name: string } | { kind: "str"; value: string } | { kind: "op"; op: string } | { kind: "and" | "or" | "(" | ")" };

const VARIABLES = new Set([
  "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
  "platform_version", "platform_machine", "platform_python_implementation", "implementation_name", "implementation_version", "extra",
]);

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /\s*(?:(\()|(\))|'([^']*)'|"([^"]*)"|(===|==|!=|<=|>=|~=|<|>)|(not\s+in\b)|([A-Za-z_][A-Za-z0-9_.]*))/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    i = re.lastIndex;
    if (m[1]) tokens.push({ kind: "(" });
    else if (m[2]) tokens.push({ kind: ")" });
    else if (m[3] !== undefined || m[4] !== undefined) tokens.push({ kind: "str", value: m[3] ?? m[4] });
    else if (m[5]) tokens.push({ kind: "op", op: m[5] });
    else if (m[6]) tokens.push({ kind: "op", op: "not in" });
    else if (m[7] === "and" || m[7] === "or") tokens.push({ kind: m[7] });
    else if (m[7] === "in") tokens.push({ kind: "op", op: "in" });
    else if (VARIABLES.has(m[7])) tokens.push({ kind: "var", name: m[7] });
    else return undefined;
  }
  return tokens;
}

/** true, false, or undefined when the marker is malformed or depends on something unknown before run time. */
type Tri = boolean | undefined;
const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === undefined || b === undefined ? undefined : true);
const or = (a: Tri, b: Tri): Tri => (a === true || b === true ? true : a === undefined || b === undefined ? undefined : false);

const VERSION_VARS = new Set(["python_version", "python_full_version", "implementation_version", "platform_release"]);

function normalizeExtra(s: string): string {
  return s.toLowerCase().replace(/[-_.]+/g, "-");
}

/**
 * Evaluates a marker. `extras` are the extras the requirement is installed with (for `extra == "x"` in lock
 * files and metadata); none by default.
 */
export function evaluateMarker(marker: string, env: MarkerEnvironment, extras: readonly string[] = []): boolean | undefined {
  const tokens = tokenize(marker);
  if (!tokens || tokens.length === 0) return undefined;
  let pos = 0;
  let malformed = false;
  const value = (t: Token | undefined): { v: string | undefined; name?: string } | undefined => {
    if (!t) return undefined;
    if (t.kind === "str") return { v: t.value };
    if (t.kind === "var") return { v: t.name === "extra" ? undefined : env[t.name as keyof MarkerEnvironment], name: t.name };
    return undefined;
  };
  const atom = (): Tri => {
    const t = tokens[pos];
    if (t?.kind === "(") {
      pos++;
      const r = expr();
      if (tokens[pos]?.kind !== ")") malformed = true;
      pos++;
      return r;
    }
    const l = value(tokens[pos++]);
    const opTok = tokens[pos++];
    const r = value(tokens[pos++]);
    if (!l || !r || opTok?.kind !== "op") {
      malformed = true;
      return undefined;
    }
    const op = opTok.op;
    if (l.name === "extra" || r.name === "extra") {
      const other = l.name === "extra" ? r.v : l.v;
      if (other === undefined) return undefined;
      const has = extras.some((e) => normalizeExtra(e) === normalizeExtra(other));
      return op === "==" ? has : op === "!=" ? !has : undefined;
    }
    if (l.v === undefined || r.v === undefined) return undefined;
    if (op === "in") return r.v.includes(l.v);
    if (op === "not in") return !r.v.includes(l.v);
    const versionish = VERSION_VARS.has(l.name ?? "") || VERSION_VARS.has(r.name ?? "");
    if (versionish) return compareVersionOp(l.v, op, r.v);
    if (op === "==") return l.v === r.v;
    if (op === "!=") return l.v !== r.v;
    return compareVersionOp(l.v, op, r.v);
  };
  const conj = (): Tri => {
    let r = atom();
    while (tokens[pos]?.kind === "and") {
      pos++;
      r = and(r, atom());
    }
    return r;
  };
  const expr = (): Tri => {
    let r = conj();
    while (tokens[pos]?.kind === "or") {
      pos++;
      r = or(r, conj());
    }
    return r;
  };
  const result = expr();
  if (malformed || pos !== tokens.length) return undefined;
  return result;
}
