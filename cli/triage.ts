/** `wheelwright triage LOG [--base VARIANT] [--format text|json]`: what a failed build or start is missing. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { VARIANTS, type VariantId } from "../lib/knowledge/python-images";
import type { Target } from "../lib/knowledge/types";
import type { TriageFiles } from "../lib/triage/files";
import { MAX_LOG_BYTES, triageLog } from "../lib/triage/triage";
import { CliError, type Io } from "./main";

export const TRIAGE_USAGE = `  wheelwright triage LOG [--base VARIANT] [--format text|json]
                                      read a failed build or start log: what is missing, the
                                      package that provides it there, and the fix
`;

/** Alpine has no Contents index here: it reads bookworm's file names (lib/triage/load.ts says the same). */
const TABLE_RELEASE: Record<Target, string> = { bullseye: "bullseye", bookworm: "bookworm", trixie: "trixie", alpine: "bookworm" };

/**
 * One release's file table, read when a log is triaged rather than bundled: the tables are about 1 MB together and
 * every other command would parse them at start. They sit in ./triage next to the bundle (dist/cli/triage), or in
 * the source tree (lib/triage/files) when run from sources.
 */
function triageTable(target: Target): TriageFiles {
  const beside = fileURLToPath(new URL("./triage/", import.meta.url));
  const dir = existsSync(beside) ? beside : fileURLToPath(new URL("../lib/triage/files/", import.meta.url));
  return JSON.parse(readFileSync(`${dir}${TABLE_RELEASE[target]}.json`, "utf8")) as TriageFiles;
}

export function triageCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { base: { type: "string" }, format: { type: "string" } } });
  if (positionals.length !== 1) throw new CliError("triage: name exactly one log file (or - for standard input)");
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new CliError("--format: must be text or json");
  const base = values.base ?? "slim-trixie";
  if (!(base in VARIANTS)) throw new CliError(`--base: unknown image variant "${base}"`);
  const target = VARIANTS[base as VariantId].target;
  let log: string;
  try {
    log = readFileSync(positionals[0] === "-" ? 0 : positionals[0], "utf8");
  } catch (e) {
    throw new CliError(`LOG: cannot read ${positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // Only the end of a longer log is read: that is where a build fails.
  const result = triageLog(log.length > MAX_LOG_BYTES ? log.slice(-MAX_LOG_BYTES) : log, target, triageTable(target));
  if (format === "json") {
    io.out(JSON.stringify(result, null, 2) + "\n");
  } else if (result.diagnoses.length === 0) {
    io.out("Nothing in this log names a missing header, library, program or compiler.\n");
  } else {
    for (const d of result.diagnoses) io.out(`line ${d.line}: ${d.missing} is missing${d.pythonPackage ? ` (${d.pythonPackage})` : ""}\n  cause: ${d.cause}.\n  fix (${base}): ${d.fix}\n`);
    io.out(`(file index: ${result.source})\n`);
  }
  return 0;
}
