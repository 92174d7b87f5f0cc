/**
 * `wheelwright`: the command-line face over lib/. It only turns flags and files into a spec,
 * then prints what the library generates. Invalid input exits 2 with one line naming the field.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AUDIT_USAGE, auditCommand } from "./audit";
import { TRIAGE_USAGE, triageCommand } from "./triage";
import { parseArgs } from "node:util";
import { generate, toJson } from "../lib/generate";
import { explainPackage } from "../lib/explain";
import { PRESETS, presetById, presetSpec } from "../lib/presets";
import { INPUT_FORMATS, parseDependencyFile } from "../lib/dependency-file";
import { markerEnvironment } from "../lib/markers";
import { pythonInfo } from "../lib/knowledge/python-images";
import { fileOptionsToSpec, gitPackagesOf, indexResetNotes, parsePackageList, type InputFormat, type LineProblem, type ParsedRequirements } from "../lib/requirements";
import { DEFAULT_SPEC, parseSpec, type BuildSpec } from "../lib/spec";
import { sourceForFormat } from "../lib/spec-options";
import { FIELDS, fieldOf, setAt, type CliRead, type Field } from "../lib/spec/fields";
import { ShareError, searchParamsToSpec, shareUrl } from "../lib/share";
import { VARIANTS, type VariantId } from "../lib/knowledge/python-images";
import { runInit } from "./init";

type FieldFlag = Extract<Field["cli"], { flag: string; read: Exclude<CliRead, "off"> }>["flag"];
/** Flags without a value: they turn a field off. */
type OffFlag = Extract<Field["cli"], { read: "off" }>["flag"];
/** The fields the CLI sets with a flag of their own (lib/spec/fields.ts). */
const FLAG_FIELDS = FIELDS.filter((f): f is Extract<Field, { cli: { flag: string } }> => "flag" in f.cli);

/** Flags that are not a field: where the spec starts from, and a file the packages are read from. */
const START_FLAGS = [
  { flag: "preset", arg: "ID", help: "start from a preset (see: wheelwright presets)" },
  { flag: "spec", arg: "FILE.json", help: "start from a spec saved as JSON" },
  { flag: "url", arg: "LINK", help: "start from a share link (from the page or wheelwright url)" },
] as const;
const REQUIREMENTS_FLAG = {
  flag: "requirements",
  arg: "FILE",
  help: "requirements.txt (its -r/-c includes are followed), pyproject.toml, uv.lock, poetry.lock, pylock.toml or Pipfile.lock",
} as const;
const FORMAT_IN_FLAG = { flag: "format-in", arg: "FORMAT", help: `the format of --requirements when its name does not say: ${INPUT_FORMATS.join(", ")}` } as const;
const FORMAT_FLAG = { flag: "format", arg: "dockerfile|json", help: "json: {dockerfile, dockerignore, stages, packages, warnings}" } as const;
const BASE_URL_FLAG = { flag: "base-url", arg: "URL", help: "where the app runs; default $WHEELWRIGHT_BASE_URL or http://localhost:3000/" } as const;

type Option = { flag: string; arg: string; help: string };
const option = (o: Option) => `  ${(o.arg ? `--${o.flag} ${o.arg}` : `--${o.flag}`).padEnd(28)}${o.help}\n`;

export const USAGE = `wheelwright — lean multi-stage Dockerfiles for Python apps

Usage:
  wheelwright render [options]        print the Dockerfile
  wheelwright url [options] [--base-url URL]
                                      print a share link for the same options (opens the page
                                      with them; its query also works on /api/dockerfile)
  wheelwright presets                 list presets, one a line, id first
  wheelwright explain PACKAGE [--base VARIANT]
                                      what PACKAGE needs to build and to run there, and why
  wheelwright init [DIR] [--force] [--dry-run]
                                      read a project folder, write Dockerfile, .dockerignore
                                      and compose.yaml there, saying why for each choice
${AUDIT_USAGE}${TRIAGE_USAGE}  wheelwright --help

Options of render:
${[...START_FLAGS, ...FLAG_FIELDS.flatMap((f): Option[] => (f.path === "packages" ? [f.cli, REQUIREMENTS_FLAG, FORMAT_IN_FLAG] : [f.cli])), FORMAT_FLAG].map(option).join("")}
Options of url: those of render (but --format), and
${option(BASE_URL_FLAG)}`;

export class CliError extends Error {}

/** The flag a CLI user wrote for the field an issue is about, so errors name what they typed. */
function flagFor(field: string): string {
  const f = fieldOf(field);
  return f && "flag" in f.cli ? `--${f.cli.flag}` : field;
}

/** How a field flag's text is read (`cli.read` in the field's declaration); `flag` names it in errors. */
const READERS: Record<CliRead, (text: string, flag: string) => unknown> = {
  text: (text) => text,
  off: () => false,
  list: (text) => text.split(",").map((s) => s.trim()).filter(Boolean),
  requirements: (text, flag) => {
    const parsed = parsePackageList(text);
    if (parsed.problems.length) throw new CliError(`${flag}: ${parsed.problems[0].text.trim() || "list"}: ${parsed.problems[0].message}`);
    return parsed.requirements;
  },
};

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`${what}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export type RenderFlags = { [K in FieldFlag | (typeof START_FLAGS)[number]["flag"] | "requirements" | "format-in" | "format"]?: string } & { [K in OffFlag]?: boolean };

/** What was read from --requirements: the format, and the lines not used, skipped, or used with a caveat. */
export interface InputReport {
  file: string;
  format: InputFormat;
  problems: NonNullable<ParsedRequirements["problems"]>;
  skipped: NonNullable<ParsedRequirements["skipped"]>;
  notes: NonNullable<ParsedRequirements["notes"]>;
  includes: NonNullable<ParsedRequirements["includes"]>;
  /** Lines that change what the build does against the spec (printed on stderr too). */
  warnings: LineProblem[];
}

/** Reads --requirements; relative -r/-c includes are read from disk, relative to the file that names them. */
function readDependencyFile(path: string, formatIn: string | undefined, extras: string | undefined, env?: { python: string; platform: string }): ParsedRequirements & { format: InputFormat } {
  if (formatIn !== undefined && !(INPUT_FORMATS as readonly string[]).includes(formatIn))
    throw new CliError(`--format-in: must be one of ${INPUT_FORMATS.join(", ")}`);
  const info = env && pythonInfo(env.python);
  return parseDependencyFile(readText(path, "--requirements"), {
    format: formatIn as InputFormat | undefined,
    extras: extras?.split(",").map((e) => e.trim()).filter(Boolean),
    fileName: path,
    environment: info ? markerEnvironment(info.version, info.fullVersion, env.platform) : undefined,
    readInclude: (included, from) => {
      const name = join(dirname(from ?? path), included);
      try {
        return { text: readFileSync(name, "utf8"), name };
      } catch {
        return undefined;
      }
    },
  });
}

/** Flags → a validated spec. Throws CliError with one line naming the flag. */
export function specFromFlags(flags: RenderFlags): BuildSpec {
  let start: unknown = DEFAULT_SPEC;
  if (flags.preset !== undefined) {
    const preset = presetById(flags.preset);
    if (!preset) throw new CliError(`--preset: unknown preset "${flags.preset}"; see: wheelwright presets`);
    start = presetSpec(preset);
  }
  if (flags.url !== undefined) {
    if (flags.preset !== undefined || flags.spec !== undefined) throw new CliError("--url: give either --url, --preset or --spec");
    const decoded = searchParamsToSpec(flags.url);
    const dropped = decoded.dropped[0];
    if (dropped) throw new CliError(`--url: ${dropped.field}: ${dropped.message}${dropped.value !== undefined ? ` (got "${dropped.value}")` : ""}`);
    start = decoded.spec;
  }
  if (flags.spec !== undefined) {
    try {
      start = JSON.parse(readText(flags.spec, "--spec"));
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`--spec: ${flags.spec} is not valid JSON`);
    }
  }
  let draft = { ...(start as Record<string, unknown>) };
  for (const f of FLAG_FIELDS) {
    const given = (flags as Record<string, string | boolean | undefined>)[f.cli.flag];
    if (given === true) draft = setAt(draft, f.path, READERS[f.cli.read]("", `--${f.cli.flag}`));
    else if (typeof given === "string") draft = setAt(draft, f.path, READERS[f.cli.read](given, `--${f.cli.flag}`));
  }
  if (flags.requirements !== undefined) {
    const parsed = readDependencyFile(flags.requirements, flags["format-in"], flags.extras);
    // A file is refused only when nothing in it can be used; otherwise its unusable lines are reported.
    if (parsed.requirements.length === 0 && parsed.problems.length) {
      const p = parsed.problems[0];
      throw new CliError(`--requirements: ${p.file ?? flags.requirements}${p.line ? `:${p.line}` : ""}: ${p.message}`);
    }
    draft = setAt(draft, "packages", parsed.requirements);
    if (parsed.requiresPython && flags["requires-python"] === undefined) draft = setAt(draft, "requiresPython", parsed.requiresPython);
    const source = sourceForFormat(parsed.format);
    if (source) draft = setAt(draft, "dependencySource", source.dependencySource);
    if (source?.strategy && flags.strategy === undefined) draft = setAt(draft, "strategy", source.strategy);
    const git = gitPackagesOf(parsed);
    if (git.length && flags["git-packages"] === undefined) draft = setAt(draft, "gitPackages", git);
    // The file's own pip options become spec fields (so the plan and its checks see them); a flag given wins.
    for (const [path, value] of Object.entries(fileOptionsToSpec(parsed.options))) {
      const field = FLAG_FIELDS.find((f) => f.path === path);
      if (field && (flags as Record<string, unknown>)[field.cli.flag] !== undefined) continue;
      draft = setAt(draft, path, value);
    }
  }
  const result = parseSpec(draft);
  if (!result.ok) {
    const issue = result.issues[0];
    throw new CliError(`${flagFor(issue.field)}: ${issue.message}${issue.field.includes(".") ? ` (${issue.field})` : ""}`);
  }
  return result.spec;
}

/** The --requirements report for a spec: read again with the spec's Python and platform, for its markers. */
export function inputReport(flags: RenderFlags, spec: BuildSpec): InputReport | undefined {
  if (flags.requirements === undefined) return undefined;
  const parsed = readDependencyFile(flags.requirements, flags["format-in"], flags.extras, { python: spec.python, platform: spec.platform });
  // Only a requirements file is mounted as written (the other formats are exported or read by their own tool), and
  // this is how pip reads it; uv's reading is not checked here, so it gets no such note.
  const resets = spec.dependencySource === "requirements" && spec.strategy !== "uv" ? indexResetNotes(parsed, spec.extraIndexUrls) : [];
  return {
    file: flags.requirements,
    format: parsed.format,
    problems: parsed.problems,
    skipped: parsed.skipped ?? [],
    notes: [...(parsed.notes ?? []), ...resets],
    includes: parsed.includes ?? [],
    warnings: resets,
  };
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Flags that describe a spec (render and url). */
const SPEC_FLAGS = [...START_FLAGS.map((o) => o.flag), ...FLAG_FIELDS.map((f) => f.cli.flag), REQUIREMENTS_FLAG.flag, FORMAT_IN_FLAG.flag];
/** parseArgs options for these flags: an "off" flag takes no value, every other one takes a string. */
const optionsFor = (flags: readonly string[]) =>
  Object.fromEntries(
    flags.map((k) => [k, { type: FLAG_FIELDS.some((f) => f.cli.flag === k && f.cli.read === "off") ? ("boolean" as const) : ("string" as const) }]),
  );

/** Runs the CLI; returns the exit status. */
export function run(argv: string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === "init") return runInit(rest, io);
    if (command === "presets") {
      for (const p of PRESETS) io.out(`${p.id}\t${p.title}${p.seed ? ` (seed ${p.seed})` : ""}: ${p.story}\n`);
      return 0;
    }
    if (command === "render") {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: optionsFor([...SPEC_FLAGS, "format"]),
      });
      const flags = values as RenderFlags;
      const format = flags.format ?? "dockerfile";
      if (format !== "dockerfile" && format !== "json") throw new CliError(`--format: must be dockerfile or json`);
      const spec = specFromFlags(flags);
      const generated = generate(spec);
      const input = inputReport(flags, spec);
      if (format === "json") io.out(JSON.stringify(input ? { ...toJson(generated), input } : toJson(generated), null, 2) + "\n");
      else {
        io.out(generated.dockerfile);
        for (const p of input?.problems ?? []) io.err(`wheelwright: ${p.file ?? input!.file}${p.line ? `:${p.line}` : ""}: not used: ${p.message}\n`.replace(/[\r]/g, ""));
        for (const w of input?.warnings ?? []) io.err(`wheelwright: ${w.file ?? input!.file}${w.line ? `:${w.line}` : ""}: warning: ${w.message}\n`.replace(/[\r]/g, ""));
      }
      return 0;
    }
    if (command === "url") {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: optionsFor([...SPEC_FLAGS, "base-url"]),
      });
      const given = values["base-url"];
      const baseUrl = typeof given === "string" ? given : (process.env.WHEELWRIGHT_BASE_URL ?? "http://localhost:3000/");
      if (!/^https?:\/\/[^\s]+$/.test(baseUrl) || !URL.canParse(baseUrl)) throw new CliError(`--base-url: "${baseUrl}" is not an http(s) URL`);
      const spec = specFromFlags(values as RenderFlags);
      try {
        io.out(shareUrl(spec, baseUrl) + "\n");
      } catch (e) {
        if (e instanceof ShareError) throw new CliError(`url: ${e.message}`);
        throw e;
      }
      return 0;
    }
    if (command === "explain") {
      const { values, positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true, options: { base: { type: "string" } } });
      if (positionals.length !== 1) throw new CliError("explain: name exactly one package, e.g. wheelwright explain psycopg2");
      const base = values.base ?? "slim-trixie";
      if (!(base in VARIANTS)) throw new CliError(`--base: unknown image variant "${base}"`);
      const text = explainPackage(positionals[0], base as VariantId);
      if (!text.ok) throw new CliError(`PACKAGE: ${text.message}`);
      io.out(text.text);
      return 0;
    }
    if (command === "audit") return auditCommand(rest, io);
    if (command === "triage") return triageCommand(rest, io);
    throw new CliError(`unknown command "${command}"; see: wheelwright --help`);
  } catch (e) {
    const message = e instanceof CliError ? e.message : e instanceof Error && "code" in e && String((e as { code: unknown }).code).startsWith("ERR_PARSE_ARGS") ? e.message : null;
    if (message === null) throw e;
    io.err(`wheelwright: ${message.replace(/[\r\n]+/g, " ")}\n`);
    return 2;
  }
}
