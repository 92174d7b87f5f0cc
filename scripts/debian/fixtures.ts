/**
 * Small Debian index fixtures for the tests: a private apt state as scripts/fetch-debian-indices.sh writes it, with
 * a handful of packages chosen to exercise each derivation rule. Written to a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const FIXTURE_RELEASE = "bookworm";

const stanza = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n") + "\n";

/** The .deb checksums some fixture stanzas record (Packages' SHA256 field). */
export const FIXTURE_SHA256 = { bar: "b".repeat(64), pil: "c".repeat(64) } as const;

/** Binary packages: [Package, Architecture, Depends, extra fields]. */
export const FIXTURE_PACKAGES: Record<string, string>[] = [
  // the image base
  { Package: "libc6", Version: "2.36-9", Architecture: "amd64", Priority: "required", Section: "libs" },
  { Package: "base-files", Version: "12.4", Architecture: "amd64", Priority: "required", Essential: "yes", Depends: "libc6" },
  { Package: "apt", Version: "2.6.1", Architecture: "amd64", Priority: "required", Depends: "libc6, libstdc++6" },
  { Package: "libstdc++6", Version: "12.2.0-14", Architecture: "amd64", Section: "libs", Depends: "libgcc-s1" },
  { Package: "libgcc-s1", Version: "12.2.0-14", Architecture: "amd64", Section: "libs", Priority: "optional" },
  { Package: "libssl3", Version: "3.0.11-1", Architecture: "amd64", Section: "libs", Depends: "libc6" },
  { Package: "zlib1g", Version: "1:1.2.13", Architecture: "amd64", Section: "libs", Depends: "libc6" },
  { Package: "python3", Version: "3.11.2-1", Architecture: "amd64", Section: "python", Source: "python3-defaults" },
  { Package: "python3-venv", Version: "3.11.2-1", Architecture: "amd64", Section: "python", Source: "python3-defaults" },
  // libraries and programs
  { Package: "libfoo1", Version: "1.2-1", Architecture: "amd64", Section: "libs", Source: "foo", Depends: "libc6 (>= 2.34), libfoo-common" },
  { Package: "libfoo-common", Version: "1.2-1", Architecture: "all", Section: "libs", Source: "foo" },
  { Package: "libfoo-dev", Version: "1.2-1", Architecture: "amd64", Section: "libdevel", Source: "foo", Depends: "libfoo1 (= 1.2-1)" },
  { Package: "libbar-dev", Version: "2.0-1", Architecture: "amd64", Section: "libdevel", Provides: "libbar-headers" },
  { Package: "libother-dev", Version: "1.0-1", Architecture: "amd64", Section: "libdevel" },
  { Package: "pkgconf", Version: "1.8.1-1", Architecture: "amd64", Section: "devel", Provides: "pkg-config (= 1.8.1-1)" },
  { Package: "foo-tools", Version: "1.2-1", Architecture: "amd64", Section: "utils", Source: "foo", Depends: "libfoo1" },
  { Package: "foo-data", Version: "1.2-1", Architecture: "all", Section: "misc", Source: "foo" },
  { Package: "libjs-jquery", Version: "3.6.1", Architecture: "all", Section: "javascript" },
  { Package: "libtest-dev", Version: "1.0", Architecture: "amd64", Section: "libdevel" },
  { Package: "debhelper", Version: "13.11", Architecture: "all", Section: "devel", Provides: "debhelper-compat (= 13)" },
  // Python projects
  {
    Package: "python3-foo", Version: "1.2-1+b1", Architecture: "amd64", Section: "python", Source: "pyfoo (1.2-1)",
    Depends: "python3 (<< 3.12), python3 (>= 3.11~), python3:any, libc6 (>= 2.34), libfoo1 (>= 1.2), libssl3 (>= 3.0.0), libstdc++6, foo-tools, foo-data, libjs-jquery, python3-bar, python3-foo-ext",
  },
  { Package: "python3-foo-ext", Version: "1.2-1+b1", Architecture: "amd64", Section: "python", Source: "pyfoo (1.2-1)", Depends: "libc6, zlib1g" },
  { Package: "python3-foo-doc", Version: "1.2-1", Architecture: "all", Section: "doc", Source: "pyfoo" },
  {
    Package: "python3-bar", Version: "0.5-2", Architecture: "all", Section: "python", Depends: "python3:any, python3-baz",
    Filename: "pool/main/b/bar/python3-bar_0.5-2_all.deb", Size: "2048", SHA256: FIXTURE_SHA256.bar,
  },
  { Package: "python3-baz", Version: "3.0-1", Architecture: "all", Section: "python", Source: "baz", Depends: "python3:any" },
  { Package: "python3-baz", Version: "2.0-1", Architecture: "all", Section: "python", Source: "baz", Depends: "python3:any" },
  // dh-python maps python3-pil under three names (pil, Pillow, pillow); Debian records the project by Provides.
  {
    Package: "python3-pil", Version: "11.1.0-5", Architecture: "all", Section: "python", Source: "pillow", Depends: "python3:any", Provides: "python3-pillow",
    Filename: "pool/main/p/pillow/python3-pil_11.1.0-5_all.deb", Size: "4096", SHA256: FIXTURE_SHA256.pil,
  },
  { Package: "python3-pil.imagetk", Version: "11.1.0-5", Architecture: "all", Section: "python", Source: "pillow", Depends: "python3-pil" },
  { Package: "python3-pilkit", Version: "2.0-1", Architecture: "all", Section: "python", Depends: "python3:any, python3-pil, python3-pil.imagetk" },
  { Package: "barapp", Version: "0.1-1", Architecture: "all", Section: "utils", Depends: "python3:any, python3-bar" },
  { Package: "notpython", Version: "1.0", Architecture: "all", Section: "utils", Depends: "libc6" },
];

export const FIXTURE_SOURCES: Record<string, string>[] = [
  {
    Package: "pyfoo", Version: "1.2-1", Binary: "python3-foo, python3-foo-ext, python3-foo-doc",
    "Build-Depends":
      "debhelper-compat (= 13), dh-sequence-python3, dh-python, python3-all-dev, python3-setuptools, cython3, pybuild-plugin-pyproject, " +
      "libfoo-dev (>= 1.2), pkg-config, libbar-headers, libmissing-dev | libother-dev, g++ (>= 4:12), cargo, librust-serde-dev, " +
      "python3-pytest <!nocheck>, libtest-dev <!nocheck>, python3-sphinx <!nodoc>, sphinx-doc <!nodoc>, libhurd-dev [hurd-any], libnotamd64-dev [!amd64], " +
      "libnoexist-dev",
    "Build-Depends-Indep": "texlive-latex-base",
  },
  { Package: "baz", Version: "3.0-1", Binary: "python3-baz", "Build-Depends": "debhelper-compat (= 13), libfoo-dev" },
  { Package: "baz", Version: "2.0-1", Binary: "python3-baz", "Build-Depends": "debhelper-compat (= 12)" },
];

export const FIXTURE_CONTENTS_AMD64 = [
  "bin/foo-run                                             utils/foo-tools",
  "usr/bin/foo-tool                                        utils/foo-tools",
  "usr/bin/foo-cli                                         python/python3-foo",
  "usr/lib/x86_64-linux-gnu/libfoo.so.1                    libs/libfoo1",
];
export const FIXTURE_CONTENTS_ALL = [
  "usr/bin/bar                                             python/python3-bar,utils/barapp",
  "usr/bin/with space                                      utils/barapp",
  "usr/share/doc/foo-data/README                           misc/foo-data",
];

/** dh-python's mapping: DistName debian-package. */
export const FIXTURE_DH_PYTHON = [
  "Foo_Lib python3-foo",
  "argparse python3 (>= 3.2)",
  "Bar python3-bar",
  "BarApp barapp",
  "NotPython notpython",
  "Pillow python3-pil",
  "pil python3-pil",
  "pillow python3-pil",
  "foo_docs python3-foo-doc",
  "",
].join("\n");

/** Write the fixture indices under a new temporary folder (compressing the Contents-amd64 index as apt may) and return it. */
export function writeFixtureIndices(opts: { reverse?: boolean; contents?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "wheelwright-debian-"));
  const rel = FIXTURE_RELEASE;
  const lists = path.join(dir, rel, "lists");
  mkdirSync(lists, { recursive: true });
  const prefix = path.join(lists, `deb.debian.org_debian_dists_${rel}_`);
  writeFileSync(path.join(dir, rel, "sources.list"), `deb [signed-by=/k.gpg] http://deb.debian.org/debian ${rel} main\n`);
  writeFileSync(prefix + "InRelease", `Origin: Debian\nSuite: stable\nVersion: 12.15\nCodename: ${rel}\nDate: Sat, 11 Jul 2026 10:16:37 UTC\n`);
  const order = <T>(a: T[]) => (opts.reverse ? [...a].reverse() : a);
  writeFileSync(prefix + "main_binary-amd64_Packages", order(FIXTURE_PACKAGES).map(stanza).join("\n"));
  writeFileSync(prefix + "main_source_Sources", order(FIXTURE_SOURCES).map(stanza).join("\n"));
  if (opts.contents !== false) {
    writeFileSync(prefix + "main_Contents-amd64", order(FIXTURE_CONTENTS_AMD64).join("\n") + "\n");
    const gz = spawnSync("gzip", ["-n", prefix + "main_Contents-amd64"]);
    if (gz.status !== 0) throw new Error(`gzip failed: ${gz.stderr}`);
    writeFileSync(prefix + "main_Contents-all", order(FIXTURE_CONTENTS_ALL).join("\n") + "\n");
  }
  const dh = path.join(dir, rel, "dh-python");
  mkdirSync(path.join(dh, "root", "usr", "share", "dh-python", "dist"), { recursive: true });
  writeFileSync(path.join(dh, "dh-python_5.20230130+deb12u1_all.deb"), "");
  writeFileSync(path.join(dh, "root", "usr", "share", "dh-python", "dist", "cpython3_fallback"), FIXTURE_DH_PYTHON);
  return dir;
}
