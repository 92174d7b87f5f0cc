/**
 * `wheelwright`: the command-line face over lib/. It only turns flags and files into a spec,
 * then prints what the library generates. Invalid input exits 2 with one line naming the field.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { generate, toJson } from "../lib/generate";
import { explainPackage } from "../lib/explain";
import { PRESETS, presetById, presetSpec } from "../lib/presets";
import { parseDependencies } from "../lib/pyproject";
import { parsePackageList } from "../lib/requirements";
import { DEFAULT_SPEC, parseSpec, type BuildSpec } from "../lib/spec";
import { ShareError, searchParamsToSpec, shareUrl } from "../lib/share";
import { VARIANTS, type VariantId } from "../lib/knowledge/python-images";
import { runInit } from "./init";

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
  wheelwright --help

Options of render:
  --preset ID                 start from a preset (see: wheelwright presets)
  --spec FILE.json            start from a spec saved as JSON
  --url LINK                  start from a share link (from the page or wheelwright url)
  --python X.Y                Python version, e.g. 3.13
  --base VARIANT              image variant as in the tag: slim-trixie, slim-bookworm, bookworm, alpine, alpine3.23, slim-bullseye, ...
  --final-base VARIANT        a different variant for the final stage (same release: e.g. bookworm → slim-bookworm)
  --strategy NAME             uv | venv | wheelhouse | prefix | site-packages
  --packages LIST             comma-separated requirements: "psycopg2,numpy==2.1"
  --requirements FILE         a requirements.txt or pyproject.toml to read the packages from
  --apt-build P,Q             extra system packages for the build stage
  --apt-runtime P,Q           extra system packages for the final image
  --platform PLATFORM         linux/amd64 (default) or linux/arm64
  --format dockerfile|json    json: {dockerfile, dockerignore, stages, packages, warnings}

Options of url: those of render (but --format), and
  --base-url URL              where the app runs; default $WHEELWRIGHT_BASE_URL or http://localhost:3000/
`;

export class CliError extends Error {}

/** Spec field → the flag a CLI user wrote, so errors name what they typed. */
const FIELD_FLAGS: [RegExp, string][] = [
  [/^python/, "--python"],
  [/^base/, "--base"],
  [/^finalBase/, "--final-base"],
  [/^strategy/, "--strategy"],
  [/^packages/, "--packages"],
  [/^systemPackages\.build/, "--apt-build"],
  [/^systemPackages\.runtime/, "--apt-runtime"],
  [/^platform/, "--platform"],
];

function flagFor(field: string): string {
  return FIELD_FLAGS.find(([re]) => re.test(field))?.[1] ?? field;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(",").map((s) => s.trim()).filter(Boolean);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`${what}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export interface RenderFlags {
  preset?: string;
  spec?: string;
  url?: string;
  python?: string;
  base?: string;
  "final-base"?: string;
  strategy?: string;
  packages?: string;
  requirements?: string;
  "apt-build"?: string;
  "apt-runtime"?: string;
  platform?: string;
  format?: string;
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
  const draft = { ...(start as Record<string, unknown>) };
  if (flags.python !== undefined) draft.python = flags.python;
  if (flags.base !== undefined) draft.base = flags.base;
  if (flags["final-base"] !== undefined) draft.finalBase = flags["final-base"];
  if (flags.strategy !== undefined) draft.strategy = flags.strategy;
  if (flags.platform !== undefined) draft.platform = flags.platform;
  if (flags.packages !== undefined) {
    const parsed = parsePackageList(flags.packages);
    if (parsed.problems.length) throw new CliError(`--packages: ${parsed.problems[0].text.trim() || "list"}: ${parsed.problems[0].message}`);
    draft.packages = parsed.requirements;
  }
  if (flags.requirements !== undefined) {
    const parsed = parseDependencies(readText(flags.requirements, "--requirements"));
    if (parsed.problems.length) {
      const p = parsed.problems[0];
      throw new CliError(`--requirements: ${flags.requirements}${p.line ? `:${p.line}` : ""}: ${p.message}`);
    }
    draft.packages = parsed.requirements;
  }
  const system = { ...((draft.systemPackages as object | undefined) ?? {}) } as Record<string, unknown>;
  if (flags["apt-build"] !== undefined) system.build = list(flags["apt-build"]);
  if (flags["apt-runtime"] !== undefined) system.runtime = list(flags["apt-runtime"]);
  draft.systemPackages = system;
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
const SPEC_FLAGS = ["preset", "spec", "url", "python", "base", "final-base", "strategy", "packages", "requirements", "apt-build", "apt-runtime", "platform"];

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
        options: Object.fromEntries([...SPEC_FLAGS, "format"].map((k) => [k, { type: "string" as const }])),
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
        options: Object.fromEntries([...SPEC_FLAGS, "base-url"].map((k) => [k, { type: "string" as const }])),
      });
      const baseUrl = values["base-url"] ?? process.env.WHEELWRIGHT_BASE_URL ?? "http://localhost:3000/";
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
    throw new CliError(`unknown command "${command}"; see: wheelwright --help`);
  } catch (e) {
    const message = e instanceof CliError ? e.message : e instanceof Error && "code" in e && String((e as { code: unknown }).code).startsWith("ERR_PARSE_ARGS") ? e.message : null;
    if (message === null) throw e;
    io.err(`wheelwright: ${message.replace(/[\r\n]+/g, " ")}\n`);
    return 2;
  }
}
