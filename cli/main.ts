/**
 * `wheelwright`: the command-line face over lib/. It only turns flags and files into a spec,
 * then prints what the library generates. Invalid input exits 2 with one line naming the field.
 */
import { readFileSync } from "node:fs";
import { AUDIT_USAGE, auditCommand } from "./audit";
import { TRIAGE_USAGE, triageCommand } from "./triage";
import { parseArgs } from "node:util";
import { generate, toJson } from "../lib/generate";
import { explainPackage } from "../lib/explain";
import { PRESETS, presetById, presetSpec } from "../lib/presets";
import { parseDependencies } from "../lib/pyproject";
import { parsePackageList } from "../lib/requirements";
import { DEFAULT_SPEC, parseSpec, type BuildSpec } from "../lib/spec";
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
const REQUIREMENTS_FLAG = { flag: "requirements", arg: "FILE", help: "a requirements.txt or pyproject.toml to read the packages from" } as const;
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
${[...START_FLAGS, ...FLAG_FIELDS.flatMap((f): Option[] => (f.path === "packages" ? [f.cli, REQUIREMENTS_FLAG] : [f.cli])), FORMAT_FLAG].map(option).join("")}
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

export type RenderFlags = { [K in FieldFlag | (typeof START_FLAGS)[number]["flag"] | "requirements" | "format"]?: string } & { [K in OffFlag]?: boolean };

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
    const parsed = parseDependencies(readText(flags.requirements, "--requirements"));
    if (parsed.problems.length) {
      const p = parsed.problems[0];
      throw new CliError(`--requirements: ${flags.requirements}${p.line ? `:${p.line}` : ""}: ${p.message}`);
    }
    draft = setAt(draft, "packages", parsed.requirements);
  }
  const result = parseSpec(draft);
  if (!result.ok) {
    const issue = result.issues[0];
    throw new CliError(`${flagFor(issue.field)}: ${issue.message}${issue.field.includes(".") ? ` (${issue.field})` : ""}`);
  }
  return result.spec;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Flags that describe a spec (render and url). */
const SPEC_FLAGS = [...START_FLAGS.map((o) => o.flag), ...FLAG_FIELDS.map((f) => f.cli.flag), REQUIREMENTS_FLAG.flag];
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
      const generated = generate(specFromFlags(flags));
      io.out(format === "json" ? JSON.stringify(toJson(generated), null, 2) + "\n" : generated.dockerfile);
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
