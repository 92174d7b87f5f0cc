/** `wheelwright audit FILE [--requirements FILE] [--format text|json]`: the rules over any Dockerfile. */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { derivedEntries } from "../lib/knowledge/derived/all";
import { auditDockerfile } from "../lib/rules/audit";
import { DockerfileTooLarge, MAX_DOCKERFILE_BYTES } from "../lib/rules/parse";
import { CliError, type Io } from "./main";

export const AUDIT_USAGE = `  wheelwright audit FILE [--requirements FILE] [--format text|json]
                                      check a Dockerfile against Wheelwright's rules; exit 1 on
                                      any error-severity finding
`;

function read(path: string, what: string, limit: number): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`${what}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (text.length > limit) throw new CliError(`${what}: ${path} is larger than ${limit / 1024} KB`);
  return text;
}

/**
 * Programs → the PyPI project that installs them, from Debian's Contents (the derived entries' scripts of the
 * newest release that has them): only programs exactly one project installs.
 */
let derivedScripts: Map<string, string> | undefined;
function scriptsFromDebian(): Map<string, string> {
  if (derivedScripts) return derivedScripts;
  const owners = new Map<string, Set<string>>();
  for (const release of ["trixie", "bookworm", "bullseye"] as const) {
    const entries = derivedEntries(release);
    if (!entries.some((e) => e.scripts.length)) continue;
    for (const e of entries) for (const s of e.scripts) owners.set(s, (owners.get(s) ?? new Set()).add(e.display ?? e.name));
    break;
  }
  derivedScripts = new Map([...owners].filter(([, o]) => o.size === 1).map(([s, o]) => [s, [...o][0]]));
  return derivedScripts;
}

/** One line of the log per finding; nothing the file contains reaches the terminal but the rules' own words. */
export function auditCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { requirements: { type: "string" }, format: { type: "string" } } });
  if (positionals.length !== 1) throw new CliError("audit: name exactly one Dockerfile, e.g. wheelwright audit Dockerfile");
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new CliError("--format: must be text or json");
  const text = read(positionals[0], "FILE", MAX_DOCKERFILE_BYTES);
  const requirements = values.requirements === undefined ? undefined : read(values.requirements, "--requirements", 1024 * 1024);
  let findings;
  try {
    findings = auditDockerfile(text, { requirements, scripts: scriptsFromDebian() });
  } catch (e) {
    if (e instanceof DockerfileTooLarge) throw new CliError(`FILE: ${e.message}`);
    throw e;
  }
  if (format === "json") io.out(JSON.stringify({ findings }, null, 2) + "\n");
  else if (findings.length === 0) io.out("No findings.\n");
  else for (const f of findings) io.out(`${f.line > 0 ? `line ${f.line}` : "file"}: ${f.severity} [${f.rule}] ${f.message}\n`);
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}
