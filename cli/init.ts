/**
 * `wheelwright init [DIR]`: reads a project folder, prints each decision and why (lib/init.ts decides), and
 * writes Dockerfile, .dockerignore and compose.yaml there. Never replaces a file without --force; --dry-run
 * prints the files instead. Errors are one line on stderr, exit 2.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateFiles } from "../lib/generate-files";
import { CURATED } from "../lib/knowledge/full-curated";
import { planInit, wantedFiles, type ProjectFolder } from "../lib/init";
import { renderCompose } from "../lib/render/compose";

export const INIT_USAGE = `Usage: wheelwright init [DIR] [--force] [--dry-run]
  Reads DIR (default: the current folder) and writes Dockerfile, .dockerignore and compose.yaml there.
  --force      replace files that exist
  --dry-run    print the files instead of writing them
`;

/** Folders never read: caches, environments, version control. */
const SKIP = new Set([".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", "env", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build"]);
const MAX_TEXT = 512 * 1024;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

class InitError extends Error {}

/** The folder's file names (top level and one folder down) and the text of the files lib/init.ts reads. */
export function readProjectFolder(dir: string): ProjectFolder {
  let top;
  try {
    top = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InitError(`cannot read the folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const paths: string[] = [];
  for (const entry of top) {
    if (entry.isFile()) paths.push(entry.name);
    else if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith(".")) {
      try {
        for (const inner of readdirSync(join(dir, entry.name), { withFileTypes: true })) if (inner.isFile()) paths.push(`${entry.name}/${inner.name}`);
      } catch {
        // an unreadable subfolder is not part of the project as far as init can tell
      }
    }
  }
  paths.sort();
  const text: Record<string, string> = {};
  for (const p of wantedFiles(paths)) {
    const file = join(dir, p);
    if (statSync(file).size <= MAX_TEXT) text[p] = readFileSync(file, "utf8");
  }
  return { name: basename(resolve(dir)), paths, text };
}

export function runInit(argv: string[], io: Io): number {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { force: { type: "boolean" }, "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } } });
    } catch (e) {
      throw new InitError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.out(INIT_USAGE);
      return 0;
    }
    if (positionals.length > 1) throw new InitError("init: name at most one folder, e.g. wheelwright init ./myproject");
    const dir = positionals[0] ?? ".";
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InitError(`init: ${dir} is not a folder`);

    const plan = planInit(readProjectFolder(dir));
    if (!plan.ok) throw new InitError(`init: ${plan.message}`);

    const generated = generateFiles(plan.spec, CURATED);
    const files: [string, string][] = [
      ["Dockerfile", generated.dockerfile],
      [".dockerignore", generated.dockerignore],
      ["compose.yaml", renderCompose(generated.plan, { service: plan.service, envFile: plan.envFile })],
    ];
    if (plan.requirementsTxt) files.push(["requirements.txt", generated.requirements]);
    const dryRun = values["dry-run"] === true;
    const existing = files.map(([name]) => name).filter((name) => existsSync(join(dir, name)));
    if (existing.length && !values.force && !dryRun)
      throw new InitError(`init: ${existing.join(", ")} already ${existing.length === 1 ? "exists" : "exist"} in ${dir}: nothing written (--force replaces, --dry-run shows what would be written)`);

    const width = Math.max(...plan.decisions.map((d) => d.topic.length));
    io.out(`wheelwright init ${dir}\n`);
    for (const d of plan.decisions) io.out(`  ${d.topic.padEnd(width)}  ${d.choice}\n  ${" ".repeat(width)}  (${d.why})\n`);
    for (const w of plan.warnings) io.out(`  note: ${w}\n`);
    for (const w of generated.warnings) if (w.severity === "warning") io.out(`  note: ${w.message.replace(/[\r\n]+/g, " ")}\n`);

    for (const [name, content] of files) {
      if (dryRun) {
        io.out(`\n--- ${name} (--dry-run: not written)\n${content}`);
      } else {
        writeFileSync(join(dir, name), content);
        io.out(`${existing.includes(name) ? "replaced" : "wrote"} ${join(dir, name)}\n`);
      }
    }
    if (!dryRun) io.out(`Next: cd ${dir} && docker compose up --build\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof InitError)) throw e;
    io.err(`wheelwright: ${e.message.replace(/[\r\n]+/g, " ")}\n`);
    return 2;
  }
}
