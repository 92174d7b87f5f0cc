/**
 * A small derived layer for tests, in the shape scripts/ writes (lib/knowledge/derived/types.ts): a pure wrapper
 * over a compiled package, a derived-only compiled package, pure packages, a cycle and a long chain. The versions
 * are made up; what is tested is how the resolver uses entries, not Debian's data.
 */
import type { DerivedEntry, DerivedShard } from "../knowledge/derived/types";
import { derivedShardId } from "../knowledge/derived/types";
import type { DerivedLookup } from "../knowledge/merge";
import { DEBIAN_RELEASES, type DebianRelease } from "../knowledge/types";

type Facts = Partial<Omit<DerivedEntry, "name" | "debian">> & { package?: string; source?: string };

function entry(release: DebianRelease, name: string, f: Facts): DerivedEntry {
  const pkg = f.package ?? `python3-${name}`;
  return {
    name,
    ...(f.display ? { display: f.display } : {}),
    debian: { release, package: pkg, version: "1.0-1", source: f.source ?? name },
    compiled: f.compiled ?? false,
    runtime: f.runtime ?? [],
    build: f.build ?? [],
    toolchains: f.toolchains ?? [],
    requires: f.requires ?? [],
    scripts: f.scripts ?? [],
  };
}

const ENTRIES: Record<string, Facts> = {
  // python-ldap is also curated: its curated needs win, its requires and scripts are Debian's.
  "python-ldap": { compiled: true, package: "python3-ldap", build: ["libldap2-dev", "libsasl2-dev", "libkrb5-dev"], runtime: ["libldap-2.5-0", "libkrb5-3"], requires: ["pyasn1", "pyasn1-modules"] },
  "django-auth-ldap": { requires: ["django", "python-ldap"] },
  django: { requires: ["asgiref", "sqlparse"], scripts: ["django-admin"] },
  asgiref: {},
  sqlparse: { scripts: ["sqlformat"] },
  pyasn1: {},
  "pyasn1-modules": { requires: ["pyasn1"] },
  pyicu: { display: "PyICU", compiled: true, build: ["libicu-dev", "pkgconf"], runtime: ["libicu72"], toolchains: ["c++"] },
  // On Alpine libasound2-dev, portaudio19-dev and libportaudio2 have apk names, libjack-jackd2-dev none: partly mapped.
  pyaudio: { display: "PyAudio", compiled: true, build: ["libasound2-dev", "libjack-jackd2-dev", "portaudio19-dev"], runtime: ["libportaudio2"], toolchains: ["c"] },
  // qtchooser is Debian-only (alpine-names.json): on Alpine the rest maps and it is left out.
  qscintilla: { compiled: true, build: ["qtbase5-dev", "qtchooser"], runtime: ["libqt5core5t64"], toolchains: ["c++"] },
  polyglot: { requires: ["pyicu", "six"] },
  six: {},
  flask: { display: "Flask", requires: ["blinker", "click", "itsdangerous", "jinja2", "werkzeug"], scripts: ["flask"] },
  jinja2: { display: "Jinja2", requires: ["markupsafe"] },
  // Compiled, but with no system needs: reached through requires it adds nothing.
  markupsafe: { display: "MarkupSafe", compiled: true },
  werkzeug: { requires: ["markupsafe"] },
  blinker: {},
  click: {},
  itsdangerous: {},
  gunicorn: { requires: ["packaging"], scripts: ["gunicorn"] },
  packaging: {},
  // psycopg2 and pandas are curated: psycopg2 states both stages, pandas states none.
  psycopg2: { compiled: true, build: ["libpq-dev", "libkrb5-dev"], runtime: ["libpq5", "libssl3"] },
  pandas: { compiled: true, build: ["libfake-dev"], runtime: ["libfake1"], requires: ["numpy", "python-dateutil"] },
  numpy: { compiled: true, build: ["libblas-dev"], runtime: ["libblas3"] },
  "python-dateutil": { requires: ["six"] },
  // A cycle, with a package that is always compiled (curated, no wheels) at its far end.
  "cycle-a": { requires: ["cycle-b"] },
  "cycle-b": { requires: ["cycle-a", "psycopg2"] },
  pytesseract: { runtime: ["tesseract-ocr"], requires: ["packaging", "pillow"] },
};

// A chain chain-0 → chain-1 → … → chain-9, with psycopg2 at the end, deeper than requires are followed.
for (let i = 0; i < 10; i++) ENTRIES[`chain-${i}`] = { requires: [i < 9 ? `chain-${i + 1}` : "psycopg2"] };
// A curated package with wheels whose dependencies Debian compiles: nothing is assumed about them.
ENTRIES.matplotlib = { compiled: true, requires: ["kiwisolver", "numpy", "pillow"] };
ENTRIES.kiwisolver = { compiled: true, build: ["libkiwi-dev"], runtime: ["libkiwi0"] };

/** The fixture's entries of one release, keyed by name. */
export function fixtureEntries(release: DebianRelease): Record<string, DerivedEntry> {
  const out: Record<string, DerivedEntry> = {};
  for (const [name, f] of Object.entries(ENTRIES)) {
    // pyicu links the release's own libicu.
    const runtime = name === "pyicu" ? [{ bullseye: "libicu67", bookworm: "libicu72", trixie: "libicu76" }[release]] : f.runtime;
    out[name] = entry(release, name, { ...f, runtime });
  }
  return out;
}

const BY_RELEASE = Object.fromEntries(DEBIAN_RELEASES.map((r) => [r, fixtureEntries(r)])) as Record<DebianRelease, Record<string, DerivedEntry>>;

export const fixtureLookup: DerivedLookup = (release, name) => BY_RELEASE[release][name];

/** The fixture cut into shards as the data files are (lib/knowledge/derived/<release>/<shard>.json). */
export function fixtureShard(release: DebianRelease, shardId: string): DerivedShard {
  return Object.fromEntries(Object.entries(BY_RELEASE[release]).filter(([name]) => derivedShardId(name) === shardId));
}
