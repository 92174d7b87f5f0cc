/**
 * Program paths read from the .deb files themselves, for a release whose Contents index apt could not verify (the
 * archive served Contents files that do not match the signed InRelease). scripts/deb-scripts.ts downloads each .deb
 * named by the verified Packages index, checks its SHA256 against that index and lists its files; the result is a
 * committed table, DEB_SCRIPTS_DIR/<release>.json, that scripts/derive-knowledge.ts reads instead of Contents.
 *
 * The table is an input like the indices: deriving from it never touches the network, so the freshness check stays
 * deterministic. A row counts only for the exact .deb the current Packages names (same version and SHA256).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { PROGRAM_PATHS, type Stanza } from "./indices";
import { cmp, stable } from "./order";

const execFileAsync = promisify(execFile);

export interface DebScriptsRow {
  version: string;
  /** SHA256 of the .deb as downloaded; equal to the Packages stanza's (checked before listing). */
  sha256: string;
  /** The files and links the .deb installs under PROGRAM_PATHS (usr/bin, usr/sbin, bin, sbin), no leading "/", sorted. */
  programs: string[];
}

export interface DebScriptsTable {
  release: string;
  /** The archive the .debs were downloaded from. */
  archive: string;
  /** The InRelease Date of the Packages index that named the .debs. */
  date: string;
  /** How the rows were made, for a reader of the file. */
  method: string;
  /** Debian binary package → its row. */
  packages: Record<string, DebScriptsRow>;
}

export const DEB_SCRIPTS_METHOD =
  "Each .deb (Filename of the Packages stanza) downloaded from the archive, its SHA256 checked against the stanza " +
  "(Packages is verified by apt against the signed InRelease), listed with dpkg-deb --fsys-tarfile | tar -t; kept: " +
  "the files and links under usr/bin, usr/sbin, bin and sbin (the paths the Contents reader keeps).";

const PROGRAM_PATH = new RegExp(PROGRAM_PATHS);

/**
 * `tar -t` output of a .deb's data archive ("./usr/bin/flask" per line) → the program paths it installs, as Contents
 * spells them (no "./"), sorted. Directories (a trailing "/") install nothing a command can name.
 */
export function programPathsOfListing(listing: string): string[] {
  const out = new Set<string>();
  for (const raw of listing.split("\n")) {
    if (raw === "" || raw.endsWith("/")) continue;
    const p = raw.replace(/^\.?\//, "");
    if (PROGRAM_PATH.test(p)) out.add(p);
  }
  return [...out].sort(cmp);
}

/** The member names of a .deb's data archive, one per line, as `tar -t` prints them. */
export async function listDeb(file: string): Promise<string> {
  // pipefail: a truncated or corrupt .deb must fail here rather than give a short listing.
  const { stdout } = await execFileAsync("bash", ["-o", "pipefail", "-c", 'dpkg-deb --fsys-tarfile "$1" | tar -t', "list-deb", file], {
    maxBuffer: 1 << 28,
  });
  return stdout;
}

/**
 * The row for a package, only when it describes the .deb the current Packages names: the same version and, when
 * both record one, the same SHA256. Otherwise undefined: that package's scripts are unknown, not none.
 */
export function matchingRow(table: DebScriptsTable | undefined, stanza: Pick<Stanza, "name" | "version" | "sha256">): DebScriptsRow | undefined {
  const row = table && Object.hasOwn(table.packages, stanza.name) ? table.packages[stanza.name] : undefined;
  if (!row || row.version !== stanza.version) return undefined;
  if (row.sha256 && stanza.sha256 && row.sha256 !== stanza.sha256) return undefined;
  return row;
}

/** The table file: sorted keys, one package per line, so a regeneration diffs by package and the bytes are stable. */
export function serializeDebScripts(table: DebScriptsTable): string {
  const { packages, ...head } = table;
  const lines = Object.entries(stable(head) as Record<string, unknown>).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const names = Object.keys(packages).sort(cmp);
  const rows = names.map((n) => `    ${JSON.stringify(n)}: ${JSON.stringify(stable({ ...packages[n], programs: [...packages[n].programs].sort(cmp) }))}`);
  return ["{", ...lines, rows.length ? `  "packages": {\n${rows.join(",\n")}\n  }` : '  "packages": {}', "}", ""].join("\n");
}

export function readDebScripts(file: string): DebScriptsTable {
  const t = JSON.parse(readFileSync(file, "utf8")) as DebScriptsTable;
  if (typeof t.release !== "string" || typeof t.packages !== "object" || t.packages === null) throw new Error(`${file}: not a .deb scripts table`);
  return t;
}
