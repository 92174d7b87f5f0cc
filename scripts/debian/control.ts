/**
 * Debian control data (deb822, as in Packages and Sources indices) and relation fields (Depends, Build-Depends),
 * per deb-control(5) and Debian Policy §7.1 (relations), §7.7 (build-profile restrictions).
 */

/** One package relation: a name with an optional version constraint ("libc6 (>= 2.34)"). */
export interface Atom { name: string; op?: string; version?: string }

/** A relation in a Build-Depends field, with its architecture and build-profile restrictions. */
export interface BuildAtom extends Atom {
  /** "[amd64 !hurd-any]": the architecture list, "!" kept on each term. Absent: every architecture. */
  arch?: string[];
  /** "<!nocheck> <stage1 cross>": OR of AND-groups of terms, "!" kept on each term. Absent: every profile. */
  profiles?: string[][];
}

const ATOM = /^\s*([^\s(:[<]+)(?::[a-z0-9-]+)?\s*(?:\(\s*(<<|<=|>=|>>|=|<|>)\s*([^)\s]+)\s*\))?/;

/** "name[:arch] [(op version)]", anything after that ignored; undefined for an empty or malformed item. */
export function parseAtom(text: string): Atom | undefined {
  const m = ATOM.exec(text);
  if (!m) return undefined;
  return { name: m[1], op: m[2], version: m[3] };
}

/** A Depends-like field: comma-separated AND of "|"-separated alternatives. */
export function parseRelation(field: string | undefined): Atom[][] {
  if (!field) return [];
  return field
    .split(",")
    .map((group) => group.split("|").map(parseAtom).filter((a): a is Atom => a !== undefined))
    .filter((g) => g.length > 0);
}

/** A Build-Depends-like field: as parseRelation, keeping each alternative's [arch] and <profile> restrictions. */
export function parseBuildRelation(field: string | undefined): BuildAtom[][] {
  if (!field) return [];
  return field
    .split(",")
    .map((group) =>
      group
        .split("|")
        .map((text): BuildAtom | undefined => {
          const atom = parseAtom(text);
          if (!atom) return undefined;
          const out: BuildAtom = { ...atom };
          const arch = /\[([^\]]*)\]/.exec(text);
          if (arch) out.arch = arch[1].trim().split(/\s+/).filter(Boolean);
          const profiles = [...text.matchAll(/<([^>]*)>/g)].map((m) => m[1].trim().split(/\s+/).filter(Boolean));
          if (profiles.length) out.profiles = profiles;
          return out;
        })
        .filter((a): a is BuildAtom => a !== undefined),
    )
    .filter((g) => g.length > 0);
}

/** Whether a Debian architecture wildcard ("any", "linux-any", "any-amd64") or name matches `arch` (a linux one). */
function archMatches(pattern: string, arch: string): boolean {
  if (pattern === "any" || pattern === arch) return true;
  const [os, cpu] = pattern.includes("-") ? pattern.split("-", 2) : ["linux", pattern];
  return (os === "any" || os === "linux") && (cpu === "any" || cpu === arch);
}

/**
 * Whether a build relation applies when building on `arch` with the build profiles `active` (Policy §7.1, §7.7):
 * an architecture list of "!x" terms excludes those, one of plain terms includes only those; a profile restriction
 * holds when any of its <...> groups has all its terms true ("!p": p is not active).
 */
export function buildAtomApplies(atom: BuildAtom, arch: string, active: ReadonlySet<string>): boolean {
  if (atom.arch && atom.arch.length) {
    const negated = atom.arch.every((t) => t.startsWith("!"));
    const hit = atom.arch.some((t) => archMatches(t.replace(/^!/, ""), arch));
    if (negated ? hit : !hit) return false;
  }
  if (atom.profiles) {
    return atom.profiles.some((group) =>
      group.every((t) => (t.startsWith("!") ? !active.has(t.slice(1)) : active.has(t))),
    );
  }
  return true;
}

/**
 * Parse deb822 control data (a Packages or Sources index) into one map per stanza, keeping only the fields in
 * `wanted`. Continuation lines are joined with "\n" (trimmed).
 */
export function parseControl(text: string, wanted: ReadonlySet<string>): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let fields = new Map<string, string>();
  let last: string | undefined;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = n;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (line.trim() === "") {
      if (fields.size) out.push(fields);
      fields = new Map();
      last = undefined;
      continue;
    }
    const c0 = line.charCodeAt(0);
    if (c0 === 32 || c0 === 9) {
      if (last) fields.set(last, fields.get(last) + "\n" + line.trim());
      continue;
    }
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    if (wanted.has(key)) {
      fields.set(key, line.slice(colon + 1).trim());
      last = key;
    } else last = undefined;
  }
  if (fields.size) out.push(fields);
  return out;
}
