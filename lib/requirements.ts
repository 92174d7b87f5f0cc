/**
 * Parsing pasted dependency lists into requirements: requirements.txt text and the
 * [project.dependencies] array of a pyproject.toml. Never throws; every line it cannot use is
 * reported with its number and the reason. pyproject.toml is in lib/pyproject.ts, so that the TOML parser
 * is loaded only by what reads TOML (the page imports it when TOML is pasted).
 */
import { evaluateMarker, type MarkerEnvironment } from "./markers";
import { HASH, LIMITS, MARKER, PEP508_NAME, RequirementSchema, VERSION_SPECIFIER, type BuildSpec, type Requirement } from "./spec";
import { HOST, INDEX_URL, NO_BINARY_ITEM } from "./spec/grammars";

export interface LineProblem {
  line: number;
  text: string;
  message: string;
  /** The included file the line is in; absent for the file itself. */
  file?: string;
}

/**
 * One PEP 508 requirement: name, [extras], version specifier (bare or parenthesised), ; marker.
 * URL requirements (name @ url) are refused: the build resolves from the index only.
 */
export function parseRequirement(text: string): { ok: true; requirement: Requirement } | { ok: false; message: string } {
  const trimmed = text.trim();
  const [main, ...markerParts] = trimmed.split(";");
  const marker = markerParts.join(";").trim();
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[([^\]]*)\])?\s*(.*)$/.exec(main.trim());
  if (!m) return { ok: false, message: "does not start with a package name" };
  const [, name, , extrasText, rest] = m;
  if (!PEP508_NAME.test(name)) return { ok: false, message: `"${name}" is not a valid package name` };
  if (rest.startsWith("@")) return { ok: false, message: "direct URL requirements (name @ url) are not supported; publish the package to an index" };
  const extras = extrasText === undefined ? [] : extrasText.split(",").map((e) => e.trim()).filter(Boolean);
  for (const e of extras) if (!PEP508_NAME.test(e)) return { ok: false, message: `"${e}" is not a valid extra` };
  let specifier = rest.trim();
  if (specifier.startsWith("(") && specifier.endsWith(")")) specifier = specifier.slice(1, -1).trim();
  if (specifier && !VERSION_SPECIFIER.test(specifier)) return { ok: false, message: `"${specifier}" is not a valid version specifier` };
  if (marker && !MARKER.test(marker)) return { ok: false, message: `"${marker}" is not a valid environment marker` };
  // Everything RequirementSchema checks but the lengths was checked above; when those fit too, skip zod
  // (a 300-line paste would otherwise run every pattern twice). Zod still words any other refusal.
  if (name.length <= LIMITS.name && extras.length <= 20 && extras.every((e) => e.length <= LIMITS.name) && specifier.length <= 200 && marker.length <= 300)
    return { ok: true, requirement: { name, extras, specifier: specifier || undefined, marker: marker || undefined, hashes: [] } };
  const parsed = RequirementSchema.safeParse({ name, extras, specifier: specifier || undefined, marker: marker || undefined });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "invalid requirement" };
  return { ok: true, requirement: parsed.data };
}

/** A requirement installed from somewhere other than the index: its name still decides the system needs. */
export interface DirectSource {
  line: number;
  file?: string;
  /** The package name, when the line gives it (name @ url, #egg=name, or a wheel/sdist file name). */
  name?: string;
  kind: "vcs" | "url" | "path";
  /** The URL or path as written (pip reads it from the file; it is never printed into the Dockerfile). */
  location: string;
  editable: boolean;
}

/** A line whose marker is false for the target (Python version, Linux, machine): pip skips it too. */
export interface SkippedLine {
  line: number;
  file?: string;
  text: string;
  name: string;
  marker: string;
}

/** -r / -c lines. `read` says whether the file was followed (the CLI reads relative includes on disk). */
export interface Include {
  line: number;
  file?: string;
  kind: "requirements" | "constraints";
  path: string;
  read: boolean;
}

/** pip options given in the file, as written; fileOptionsToSpec takes those the spec has a field for. */
export interface PipFileOptions {
  indexUrl?: string;
  extraIndexUrls: string[];
  findLinks: string[];
  trustedHosts: string[];
  noIndex: boolean;
  pre: boolean;
  preferBinary: boolean;
  requireHashes: boolean;
  /** Package names (normalised as written) or ":all:" / ":none:". */
  noBinary: string[];
  onlyBinary: string[];
}

export interface ParsedRequirements {
  requirements: Requirement[];
  /** Lines the tool cannot use, each with its number and the reason; the rest of the file is still used. */
  problems: LineProblem[];
  /** Lines that are used with a caveat worth showing (an option read by pip in the build, a VCS source). */
  notes?: LineProblem[];
  skipped?: SkippedLine[];
  includes?: Include[];
  sources?: DirectSource[];
  options?: PipFileOptions;
  /** The project's requires-python, when the file declares it (pyproject.toml, uv.lock, pylock.toml, Pipfile.lock). */
  requiresPython?: string;
  /** A pyproject.toml's optional-dependency groups, each with what it adds (chosen or not). */
  groups?: DependencyGroup[];
}

/** An optional-dependency group of a project (a PEP 621 extra, or a Poetry extra) and the requirements it adds. */
export interface DependencyGroup {
  name: string;
  requirements: Requirement[];
}

export interface ParseOptions {
  /** Reads an included file (-r/-c) by the path written in the line; undefined when it cannot be read. */
  readInclude?: (path: string, from: string | undefined) => { text: string; name: string } | undefined;
  /** Where the text came from, for lines of included files. */
  fileName?: string;
  /** When given, markers are evaluated and false ones are listed in `skipped`. */
  environment?: MarkerEnvironment;
}

/** pip's options that take a value, as pip's requirements-file parser knows them. */
const VALUE_OPTIONS: Record<string, string> = {
  "-i": "--index-url",
  "--index-url": "--index-url",
  "--extra-index-url": "--extra-index-url",
  "-f": "--find-links",
  "--find-links": "--find-links",
  "--trusted-host": "--trusted-host",
  "--no-binary": "--no-binary",
  "--only-binary": "--only-binary",
  "-r": "-r",
  "--requirement": "-r",
  "-c": "-c",
  "--constraint": "-c",
  "-e": "-e",
  "--editable": "-e",
  "--use-feature": "--use-feature",
  "--hash": "--hash",
  "--config-settings": "--config-settings",
  "-C": "--config-settings",
  "--global-option": "--global-option",
};
const FLAG_OPTIONS = new Set(["--pre", "--no-index", "--prefer-binary", "--require-hashes"]);
/** Options that may follow a requirement on its line. */
const PER_REQUIREMENT = new Set(["--hash", "--config-settings", "--global-option"]);

const ENV_VAR = /\$\{[A-Z0-9_]+\}/;
const VCS_SCHEME = /^(git|hg|svn|bzr)\+[a-z]+:\/\//i;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAX_INCLUDE_DEPTH = 8;

/** Splits a logical line into words the way pip's shlex does for the simple cases (quotes group words). */
function words(text: string): string[] | undefined {
  const out: string[] = [];
  const re = /\s*(?:"([^"]*)"|'([^']*)'|(\S+))/y;
  let i = 0;
  while (i < text.length && !/^\s*$/.test(text.slice(i))) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    out.push(m[1] ?? m[2] ?? m[3]);
    i = re.lastIndex;
  }
  return out;
}

/** The project name in a #egg= fragment, or in a wheel or sdist file name. */
function nameFromLocation(location: string): { name?: string; version?: string } {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(location);
  if (egg) return { name: egg[1] };
  const file = location.split(/[?#]/)[0].split("/").pop() ?? "";
  const wheel = /^([A-Za-z0-9][A-Za-z0-9._]*)-([0-9][A-Za-z0-9.!+_]*)(-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(file);
  if (wheel) return { name: wheel[1], version: wheel[2] };
  const sdist = /^([A-Za-z0-9][A-Za-z0-9._-]*?)-([0-9][A-Za-z0-9.!+_]*)\.(tar\.gz|zip|tar\.bz2|tgz)$/.exec(file);
  if (sdist) return { name: sdist[1], version: sdist[2] };
  return {};
}

function sourceKind(location: string): DirectSource["kind"] {
  return VCS_SCHEME.test(location) ? "vcs" : URL_SCHEME.test(location) && !/^file:/i.test(location) ? "url" : "path";
}

/** Physical lines joined at unescaped backslashes (a comment line never continues), with their first line number. */
function logicalLines(text: string): { line: number; text: string }[] {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { line: number; text: string }[] = [];
  let start = -1;
  let current = "";
  for (let i = 0; i < physical.length; i++) {
    let l = physical[i];
    if (start < 0) start = i;
    const isComment = /^\s*#/.test(l);
    if (!isComment && /(^|[^\\])(\\\\)*\\$/.test(l) && i + 1 < physical.length) {
      current += l.slice(0, -1);
      continue;
    }
    if (isComment && current) l = "";
    logical.push({ line: start + 1, text: current + l });
    current = "";
    start = -1;
  }
  return logical;
}

const emptyOptions = (): PipFileOptions => ({
  extraIndexUrls: [], findLinks: [], trustedHosts: [], noIndex: false, pre: false, preferBinary: false, requireHashes: false, noBinary: [], onlyBinary: [],
});

/**
 * pip's requirements-file format (pip's "Requirements File Format"): requirement specifiers with markers and
 * per-requirement options, -r/-c includes, -e and direct references (VCS, URLs, paths), global options,
 * continuations, comments and ${VAR}. Every line pip accepts is used as far as it can be; a line that cannot be
 * used is listed in `problems` with its reason, and the rest of the file is still read. Never throws.
 */
export function parseRequirementsTxt(text: string, opts: ParseOptions = {}): ParsedRequirements {
  const state = {
    requirements: [] as Requirement[],
    constraints: [] as Requirement[],
    problems: [] as LineProblem[],
    notes: [] as LineProblem[],
    skipped: [] as SkippedLine[],
    includes: [] as Include[],
    sources: [] as DirectSource[],
    options: emptyOptions(),
    visited: new Set<string>(),
  };
  if (text.length > LIMITS.pastedText)
    return { requirements: [], problems: [{ line: 0, text: "", message: `the text is longer than ${LIMITS.pastedText} characters` }] };
  readFile(text, opts.fileName, "requirements", 0, opts, state);
  // Constraints pin what is installed: a listed package without its own specifier takes the constraint's.
  const pins = new Map(state.constraints.filter((c) => c.specifier).map((c) => [normalize(c.name), c.specifier!]));
  let requirements = state.requirements.map((r) => (r.specifier || !pins.has(normalize(r.name)) ? r : { ...r, specifier: pins.get(normalize(r.name)) }));
  const problems = state.problems;
  if (requirements.length > LIMITS.packages) {
    problems.push({ line: 0, text: "", message: `more than ${LIMITS.packages} packages` });
    requirements = requirements.slice(0, LIMITS.packages);
  }
  return { requirements, problems, notes: state.notes, skipped: state.skipped, includes: state.includes, sources: state.sources, options: state.options };
}

const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

type State = {
  requirements: Requirement[];
  constraints: Requirement[];
  problems: LineProblem[];
  notes: LineProblem[];
  skipped: SkippedLine[];
  includes: Include[];
  sources: DirectSource[];
  options: PipFileOptions;
  visited: Set<string>;
};

function readFile(text: string, file: string | undefined, kind: "requirements" | "constraints", depth: number, opts: ParseOptions, st: State): void {
  const where = file === undefined ? {} : { file };
  const problem = (line: number, raw: string, message: string) => st.problems.push({ line, text: raw, message, ...where });
  const note = (line: number, raw: string, message: string) => st.notes.push({ line, text: raw, message, ...where });
  for (const { line, text: raw } of logicalLines(text)) {
    // pip: a "#" at the start or after whitespace starts a comment.
    const content = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!content) continue;
    if (ENV_VAR.test(content) && !content.startsWith("-")) {
      problem(line, raw, `uses ${ENV_VAR.exec(content)![0]}: pip substitutes it from the build's environment, so the package cannot be known here`);
      continue;
    }
    if (content.startsWith("-")) {
      readOptionLine(line, raw, content, file, kind, depth, opts, st, problem, note);
      continue;
    }
    // A requirement, a URL or a path, then per-requirement options.
    const optAt = content.search(/\s--?[A-Za-z]/);
    const head = (optAt < 0 ? content : content.slice(0, optAt)).trim();
    const tail = optAt < 0 ? [] : words(content.slice(optAt));
    if (tail === undefined) {
      problem(line, raw, "unbalanced quotes in the options");
      continue;
    }
    const hashes: string[] = [];
    let bad: string | undefined;
    for (let i = 0; i < tail.length; i++) {
      const [flag, inline] = tail[i].split(/=(.*)/s);
      const name = VALUE_OPTIONS[flag] ?? flag;
      if (!PER_REQUIREMENT.has(name)) {
        bad = `${flag} is not a per-requirement option (pip allows --hash, --config-settings and --global-option after a requirement)`;
        break;
      }
      const value = inline ?? tail[++i];
      if (value === undefined) {
        bad = `${flag} needs a value`;
        break;
      }
      if (name === "--hash") {
        if (!HASH.test(value)) {
          bad = `"${value}" is not a valid --hash (sha256:<64 hex digits>)`;
          break;
        }
        hashes.push(value);
      }
    }
    if (bad) {
      problem(line, raw, bad);
      continue;
    }
    readRequirement(line, raw, head, hashes, false, kind, opts, st, problem, note, where);
  }
}

function readRequirement(
  line: number, raw: string, head: string, hashes: string[], editable: boolean, kind: "requirements" | "constraints",
  opts: ParseOptions, st: State, problem: (l: number, r: string, m: string) => void, note: (l: number, r: string, m: string) => void, where: { file?: string },
): void {
  // A URL or a path (pip: anything with a scheme, or starting with . or /, or a file name of an archive).
  const [spec, ...markerParts] = splitMarker(head);
  const marker = markerParts.join(";").trim() || undefined;
  const location = spec.trim();
  const direct = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*@\s*(.+)$/.exec(location);
  const isLocation = !direct && (URL_SCHEME.test(location) || /^(\.|\/|~)/.test(location) || /\.(whl|tar\.gz|zip|tar\.bz2|tgz)$/i.test(location) || (editable && !PEP508_NAME.test(location)));
  let requirement: Requirement | undefined;
  if (isLocation || direct) {
    let name: string | undefined;
    let extras: string[] = [];
    let url = location;
    let specifier: string | undefined;
    if (direct) {
      name = direct[1];
      extras = (direct[2] ?? "").split(",").map((e) => e.trim()).filter(Boolean);
      url = direct[3].trim();
    } else {
      const found = nameFromLocation(location);
      name = found.name;
      if (found.version) specifier = `==${found.version}`;
      const extrasMatch = /\[([^\]]*)\]$/.exec(location.split("#")[0]);
      if (extrasMatch) extras = extrasMatch[1].split(",").map((e) => e.trim()).filter(Boolean);
    }
    const source: DirectSource = { line, ...where, kind: sourceKind(url), location: url, editable, ...(name ? { name } : {}) };
    if (!name) {
      if (kind === "requirements") st.sources.push(source);
      problem(line, raw, source.kind === "path"
        ? `a local project (${url}): pip installs it from the build context; its own dependencies are not read from here (paste its pyproject.toml or requirements)`
        : `the package name is not in the URL (write NAME @ URL or add #egg=NAME): its system needs cannot be looked up`);
      return;
    }
    const r = parseRequirement(`${name}${extras.length ? `[${extras.join(",")}]` : ""}${specifier ?? ""}${marker ? `; ${marker}` : ""}`);
    if (!r.ok) {
      problem(line, raw, r.message);
      return;
    }
    // Only a source whose name is valid: its name goes into the spec (gitPackages), whose grammar would refuse it.
    if (kind === "requirements") st.sources.push(source);
    requirement = r.requirement;
    if (source.kind === "vcs") note(line, raw, `${name} is installed from ${url.split("+")[0]} (${editable ? "editable, " : ""}the builder needs ${url.split("+")[0]})`);
    else note(line, raw, `${name} is installed from ${source.kind === "url" ? "a URL" : "a local path"}, not the index`);
  } else {
    const r = parseRequirement(head);
    if (!r.ok) {
      problem(line, raw, r.message);
      return;
    }
    requirement = r.requirement;
  }
  const withHashes = { ...requirement, hashes };
  if (kind === "constraints") {
    st.constraints.push(withHashes);
    return;
  }
  if (withHashes.marker && opts.environment && evaluateMarker(withHashes.marker, opts.environment, []) === false)
    st.skipped.push({ line, ...where, text: raw, name: withHashes.name, marker: withHashes.marker });
  st.requirements.push(withHashes);
}

/** Splits "spec ; marker" at the first ";" that is not part of a URL (pip needs whitespace before it after a URL). */
function splitMarker(head: string): string[] {
  if (URL_SCHEME.test(head) || /@\s*\S*:\/\//.test(head)) {
    const m = /\s;\s*/.exec(head);
    return m ? [head.slice(0, m.index), head.slice(m.index + m[0].length)] : [head];
  }
  return head.split(";");
}

function readOptionLine(
  line: number, raw: string, content: string, file: string | undefined, kind: "requirements" | "constraints", depth: number, opts: ParseOptions, st: State,
  problem: (l: number, r: string, m: string) => void, note: (l: number, r: string, m: string) => void,
): void {
  const where = file === undefined ? {} : { file };
  const ws = words(content);
  if (!ws) return problem(line, raw, "unbalanced quotes");
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    // -rfile.txt and -r=file.txt as well as -r file.txt.
    const short = /^(-[ricfeC])(.+)$/.exec(w);
    let [flag, inline] = w.startsWith("--") ? w.split(/=(.*)/s) : short ? [short[1], short[2].replace(/^=/, "")] : [w, undefined];
    const name = VALUE_OPTIONS[flag] ?? (FLAG_OPTIONS.has(flag) ? flag : undefined);
    if (!name) return problem(line, raw, `pip does not know the option ${flag}`);
    if (FLAG_OPTIONS.has(name)) {
      if (name === "--pre") st.options.pre = true;
      if (name === "--no-index") st.options.noIndex = true;
      if (name === "--prefer-binary") st.options.preferBinary = true;
      if (name === "--require-hashes") st.options.requireHashes = true;
      continue;
    }
    const value = inline ?? ws[++i];
    if (value === undefined || value === "") return problem(line, raw, `${flag} needs a value`);
    switch (name) {
      case "-e":
        // The rest of the line is the project (and its per-requirement options).
        return readRequirement(line, raw, [value, ...ws.slice(i + 1).filter((x) => !x.startsWith("-"))].join(" "), [], true, kind, opts, st, problem, note, where);
      case "-r":
      case "-c": {
        const includeKind = name === "-r" ? kind : "constraints";
        if (ENV_VAR.test(value) || URL_SCHEME.test(value)) {
          st.includes.push({ line, ...where, kind: includeKind === "constraints" ? "constraints" : "requirements", path: value, read: false });
          problem(line, raw, `${flag} includes ${value}, which is not read here (a URL or an environment variable): paste its contents too`);
          break;
        }
        const found = depth < MAX_INCLUDE_DEPTH ? opts.readInclude?.(value, file) : undefined;
        st.includes.push({ line, ...where, kind: name === "-r" ? "requirements" : "constraints", path: value, read: !!found });
        if (!found) {
          problem(line, raw, name === "-r"
            ? `${flag} includes another file (${value}), which was not pasted: paste its contents too`
            : `${flag} reads constraints from another file (${value}), which was not pasted: paste it to use its pins`);
          break;
        }
        if (st.visited.has(found.name)) break;
        st.visited.add(found.name);
        readFile(found.text, found.name, includeKind, depth + 1, opts, st);
        break;
      }
      case "--index-url":
        st.options.indexUrl = value;
        optionNote(line, raw, flag, value, "Index URL", note);
        break;
      case "--extra-index-url":
        st.options.extraIndexUrls.push(value);
        optionNote(line, raw, flag, value, "Extra index URLs", note);
        break;
      case "--find-links":
        st.options.findLinks.push(value);
        optionNote(line, raw, flag, value, "Find links", note);
        break;
      case "--trusted-host":
        st.options.trustedHosts.push(value);
        if (!HOST.test(value)) note(line, raw, `${flag} ${value}: not a host name the spec accepts, so it is not in Trusted hosts; pip still reads it from the file`);
        break;
      case "--no-binary":
      case "--only-binary": {
        const list = name === "--no-binary" ? st.options.noBinary : st.options.onlyBinary;
        // pip's :none: empties what the option listed before it.
        for (const item of value.split(",").map((s) => s.trim()).filter(Boolean)) {
          if (item === ":none:") list.length = 0;
          else if (!list.includes(item)) list.push(item);
        }
        break;
      }
      case "--use-feature":
        break;
      default:
        return problem(line, raw, `${flag} belongs after a requirement on the same line`);
    }
  }
}

/** What becomes of a URL option: taken into the spec field `label`, or left to pip alone, and why. */
function optionNote(line: number, raw: string, flag: string, value: string, label: string, note: (l: number, r: string, m: string) => void): void {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*(:[^/@\s]*)?@/i.test(value))
    note(line, raw, `${flag} carries credentials in its URL, so it is not in ${label}: keep them out of the file and the image; give pip.conf or the URL as a build secret (RUN --mount=type=secret)`);
  else if (ENV_VAR.test(value)) note(line, raw, `${flag} uses ${ENV_VAR.exec(value)![0]}: pip substitutes it from the build's environment, so it is not in ${label}`);
  else if (INDEX_URL.test(value)) note(line, raw, `${flag} ${value}: taken into ${label}, so the build passes it to pip`);
  else note(line, raw, `${flag} ${value}: not an http(s) URL the spec accepts (a local path is not in the builder), so it is not in ${label}; pip still reads it from the file`);
}

/**
 * pip's reading of an --index-url line in a requirements file replaces its whole index list, so the extra indexes
 * the command line gave before it are no longer searched (pip's req_file.handle_option_line). With the file
 * mounted as written, an extra index in the spec that the file does not list itself is lost that way: one note per
 * such line.
 */
export function indexResetNotes(parsed: Pick<ParsedRequirements, "options" | "notes">, extraIndexUrls: readonly string[]): LineProblem[] {
  const inFile = new Set(parsed.options?.extraIndexUrls ?? []);
  const lost = extraIndexUrls.filter((u) => !inFile.has(u));
  if (!parsed.options?.indexUrl || lost.length === 0) return [];
  return (parsed.notes ?? [])
    .filter((n) => /^\s*(-i|--index-url)\b/.test(n.text))
    .map((n) => ({ ...n, message: `--index-url in the file resets pip's index list when pip reads it, so ${lost.join(", ")} (given outside the file) is not searched: list it in the file too, with --extra-index-url` }));
}

/** The spec fields a requirements file's own options set. */
export type FileSpecOptions = Partial<Pick<BuildSpec, "indexUrl" | "extraIndexUrls" | "trustedHosts" | "pre" | "noBinary" | "onlyBinary" | "findLinks">>;

/**
 * The options a requirements file declares, as spec fields, so the plan, its warnings and the credential checks see
 * them: only values the spec's grammars accept (a URL with credentials or ${VAR} stays with pip, noted per line).
 * Equal values reach pip twice (the command line from the spec, the file's own line when the file is mounted), which
 * pip and uv read to the same effect; the requirements.txt the page writes has no option lines.
 */
export function fileOptionsToSpec(options: PipFileOptions | undefined): FileSpecOptions {
  if (!options) return {};
  // Lists are cut at the field's limit (a longer one would make the whole spec invalid); pip still reads the rest.
  const urls = (list: readonly string[]) => [...new Set(list.filter((u) => INDEX_URL.test(u)))].slice(0, LIMITS.indexes);
  const names = (list: readonly string[]) => list.filter((n) => NO_BINARY_ITEM.test(n)).slice(0, LIMITS.packages);
  const out: FileSpecOptions = {};
  if (options.indexUrl !== undefined && INDEX_URL.test(options.indexUrl)) out.indexUrl = options.indexUrl;
  if (urls(options.extraIndexUrls).length) out.extraIndexUrls = urls(options.extraIndexUrls);
  if (urls(options.findLinks).length) out.findLinks = urls(options.findLinks);
  const hosts = [...new Set(options.trustedHosts.filter((h) => HOST.test(h)))].slice(0, LIMITS.indexes);
  if (hosts.length) out.trustedHosts = hosts;
  if (options.pre) out.pre = true;
  if (names(options.noBinary).length) out.noBinary = names(options.noBinary);
  if (names(options.onlyBinary).length) out.onlyBinary = names(options.onlyBinary);
  return out;
}

export type InputFormat = "requirements" | "pyproject" | "uv-lock" | "poetry-lock" | "pylock" | "pipfile-lock";

/** The format of a dependency file: from its name when given (uv.lock, pylock.*.toml…), else from its content. */
export function detectFormat(text: string, fileName?: string): InputFormat {
  const base = fileName?.split(/[\\/]/).pop()?.toLowerCase();
  if (base === "uv.lock") return "uv-lock";
  if (base === "poetry.lock") return "poetry-lock";
  if (base === "pipfile.lock") return "pipfile-lock";
  if (base && /^pylock(\.[^.]+)?\.toml$/.test(base)) return "pylock";
  if (base === "pyproject.toml") return "pyproject";
  if (base && /\.(txt|in)$/.test(base)) return "requirements";
  const head = text.slice(0, 20_000);
  if (/^\s*\{/.test(head) && /"_meta"\s*:/.test(head)) return "pipfile-lock";
  if (/^\s*lock-version\s*=/m.test(head) && /^\s*\[\[packages\]\]/m.test(text)) return "pylock";
  if (/^\s*\[\[package\]\]/m.test(head)) {
    if (/^\s*source\s*=\s*\{/m.test(text) || /^\s*(version|revision)\s*=\s*\d+\s*$/m.test(head)) return "uv-lock";
    return "poetry-lock";
  }
  return looksLikePyproject(text) ? "pyproject" : "requirements";
}

/** The packages a parse says pip clones from Git (their builder needs git). */
export function gitPackagesOf(r: Pick<ParsedRequirements, "sources">): string[] {
  const names = (r.sources ?? []).filter((s) => s.kind === "vcs" && /^git\+/i.test(s.location) && s.name).map((s) => s.name!);
  return [...new Set(names)];
}

/** Whether pasted text looks like a pyproject.toml (parse it with lib/pyproject.ts) rather than a requirements.txt. */
export function looksLikePyproject(text: string): boolean {
  return /^\s*\[(project|tool\.poetry|build-system)/m.test(text);
}

/** Parse a comma-separated package list ("psycopg2,numpy==2.1"), as used by the CLI and short URLs. */
export function parsePackageList(text: string): ParsedRequirements {
  const items = text.split(/,(?![^\[]*\])(?=\s*[A-Za-z0-9])/).map((s) => s.trim()).filter(Boolean);
  // A list names packages from the index only: anything that would be a caveat in a file is refused here.
  const r = parseRequirementsTxt(items.join("\n"));
  return { requirements: r.requirements, problems: [...r.problems, ...(r.notes ?? [])].sort((a, b) => a.line - b.line) };
}
