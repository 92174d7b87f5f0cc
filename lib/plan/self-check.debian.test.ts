/**
 * The self-check's exact script, as a generated Dockerfile prints it, run in a real Debian root: a bookworm minbase
 * (debootstrap, cached under .cache/selfcheck/) with python3, a venv at /opt/venv as the venv strategy makes it, and
 * Debian's compiled psycopg2 (python3-psycopg2 unpacked with dpkg-deb -x) in it. With libpq5 it passes; with libpq5
 * removed (dpkg --force-depends) it fails naming libpq.so.5 and libpq5. Needs root, debootstrap and Debian's
 * archive (only for the first run); otherwise it is skipped with one line saying why.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../generate";
import { BuildSpecSchema, DEFAULT_SPEC } from "../spec";
import { printedSelfCheck, runScript } from "../testing/self-check";

const ROOT_DIR = join(import.meta.dirname, "../../.cache/selfcheck");
const ROOT = join(ROOT_DIR, "bookworm-root");
const DEBS = join(ROOT_DIR, "debs");
const MIRROR = "http://deb.debian.org/debian";
const LISTS = join(import.meta.dirname, "../../.cache/debian/bookworm/lists");

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const archiveReachable = () => spawnSync("curl", ["-sSfI", "--max-time", "10", `${MIRROR}/dists/bookworm/InRelease`]).status === 0;

function unavailable(): string | null {
  if (process.getuid?.() !== 0) return "not root (chroot and dpkg need it)";
  for (const cmd of ["debootstrap", "dpkg-deb", "chroot", "curl"]) if (!has(cmd)) return `no ${cmd} on this machine`;
  if (!existsSync(LISTS)) return "no bookworm package index in .cache/debian (scripts/fetch-debian-indices.sh)";
  const cached = existsSync(join(ROOT, "usr/bin/python3")) && ["python3-psycopg2", "libpq5"].every((p) => existsSync(join(DEBS, `${p}.deb`)));
  if (!cached && !archiveReachable()) return `Debian's archive (${MIRROR}) is unreachable and no cached root`;
  return null;
}
const reason = unavailable();
if (reason) console.warn(`self-check in a Debian root skipped: ${reason}`);

/** The pool path of a package in bookworm's index. */
function poolPath(pkg: string): string {
  const lists = readdirSync(LISTS).find((f) => f.endsWith("_binary-amd64_Packages.lz4"))!;
  const index = execFileSync("/usr/lib/apt/apt-helper", ["cat-file", join(LISTS, lists)], { maxBuffer: 2 ** 30 }).toString("utf8");
  const stanza = index.split("\n\n").find((s) => s.startsWith(`Package: ${pkg}\n`));
  const filename = stanza && /^Filename: (\S+)$/m.exec(stanza)?.[1];
  if (!filename) throw new Error(`${pkg} is not in bookworm's index`);
  return filename;
}

/** The cached root (made once: ~1 minute), the two .debs, and the venv with Debian's psycopg2 in it. */
function prepare(): void {
  mkdirSync(DEBS, { recursive: true });
  if (!existsSync(join(ROOT, "usr/bin/python3"))) {
    const tmp = `${ROOT}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    execFileSync("debootstrap", ["--variant=minbase", "--include=python3,libpq5", "bookworm", tmp, MIRROR], { stdio: "ignore", timeout: 600_000 });
    renameSync(tmp, ROOT);
  }
  for (const pkg of ["python3-psycopg2", "libpq5"]) {
    const deb = join(DEBS, `${pkg}.deb`);
    if (!existsSync(deb)) execFileSync("curl", ["-sSf", "--max-time", "120", "-o", deb, `${MIRROR}/${poolPath(pkg)}`]);
  }
  const site = join(ROOT, "opt/venv/lib/python3.11/site-packages");
  if (!existsSync(join(site, "psycopg2"))) {
    execFileSync("chroot", [ROOT, "python3", "-m", "venv", "--without-pip", "/opt/venv"]);
    const unpacked = join(ROOT_DIR, "python3-psycopg2");
    rmSync(unpacked, { recursive: true, force: true });
    execFileSync("dpkg-deb", ["-x", join(DEBS, "python3-psycopg2.deb"), unpacked]);
    cpSync(join(unpacked, "usr/lib/python3/dist-packages/psycopg2"), join(site, "psycopg2"), { recursive: true });
  }
  setLibpq(true);
}

function setLibpq(installed: boolean): void {
  const present = spawnSync("chroot", [ROOT, "dpkg-query", "-W", "-f=${Status}", "libpq5"], { encoding: "utf8" }).stdout.includes("install ok installed");
  if (present === installed) return;
  if (installed) {
    cpSync(join(DEBS, "libpq5.deb"), join(ROOT, "tmp/libpq5.deb"));
    execFileSync("chroot", [ROOT, "dpkg", "-i", "/tmp/libpq5.deb"], { stdio: "ignore" });
    rmSync(join(ROOT, "tmp/libpq5.deb"));
  } else execFileSync("chroot", [ROOT, "dpkg", "--purge", "--force-depends", "libpq5"], { stdio: "ignore" });
}

describe.skipIf(reason !== null)("the self-check in a bookworm minbase root (Debian's compiled psycopg2)", () => {
  // The venv strategy on Python 3.11, bookworm's own Python: the printed script and its command, unchanged.
  const spec = BuildSpecSchema.parse({ ...DEFAULT_SPEC, python: "3.11", base: "slim-bookworm", strategy: "venv", packages: [{ name: "psycopg2" }] });
  const printed = printedSelfCheck(generate(spec).dockerfile)!;
  const run = () => runScript(["chroot", ROOT, ...printed.command], printed.script);

  it("passes with the final stage's libpq5, and fails naming libpq.so.5 and libpq5 without it", { timeout: 900_000 }, () => {
    prepare();
    expect(printed.command).toEqual(["/opt/venv/bin/python", "-B", "-"]);
    try {
      const ok = run();
      expect(ok.stderr).toBe("");
      expect(ok.status).toBe(0);
      expect(ok.stdout).toBe("self-check: 1 extension modules resolve their libraries, 1 modules import\n");

      setLibpq(false);
      const broken = run();
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain(
        "self-check: libpq.so.5 not found (provided by libpq5), needed by /opt/venv/lib/python3.11/site-packages/psycopg2/_psycopg.cpython-311-x86_64-linux-gnu.so",
      );
      expect(broken.stderr).toMatch(/self-check: import psycopg2 \(psycopg2\) failed: ImportError: libpq\.so\.5: cannot open shared object file/);
    } finally {
      setLibpq(true);
    }
    // Nothing was written into the environment it checked.
    expect(spawnSync("find", [join(ROOT, "opt/venv"), "-name", "__pycache__"], { encoding: "utf8" }).stdout).toBe("");
  });
});
