/**
 * The installable package: the CLI built as its own package (scripts/build-cli.mjs), packed with `npm pack`,
 * installed from the tarball into an empty folder (no registry: it has no dependencies) and run from there.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "ww-pack-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npm = (cwd: string, ...args: string[]) =>
  execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });

describe("npm pack of the CLI", () => {
  it("installs from the tarball in an empty folder and renders the golden Dockerfile", { timeout: 180_000 }, () => {
    const pkgDir = join(work, "pkg");
    execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs"), "--out", pkgDir], { encoding: "utf8" });
    const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ wheelwright: "wheelwright.mjs" });
    // The derived knowledge (MBs) is read from dist/cli/derived one shard at a time, never inlined in the bundle.
    expect(statSync(join(pkgDir, "wheelwright.mjs")).size).toBeLessThan(1.5 * 1024 * 1024);
    expect(readdirSync(join(pkgDir, "derived", "trixie")).filter((f) => /^[0-9a-f]{2}\.json$/.test(f))).toHaveLength(64);

    npm(pkgDir, "pack", "--pack-destination", work);
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
    expect(tarball).toMatch(/^wheelwright-\d+\.\d+\.\d+\.tgz$/);

    const app = join(work, "app");
    execFileSync("mkdir", [app]);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "empty", version: "1.0.0", private: true }));
    npm(app, "install", "--offline", join(work, tarball!));
    expect(readdirSync(join(app, "node_modules")).filter((d) => !d.startsWith("."))).toEqual(["wheelwright"]);

    const bin = join(app, "node_modules", ".bin", "wheelwright");
    const rendered = execFileSync(bin, ["render", "--preset", "django-postgres"], { cwd: app, encoding: "utf8" });
    expect(rendered).toBe(readFileSync(join(ROOT, "lib", "presets", "golden", "django-postgres.Dockerfile"), "utf8"));
    expect(execFileSync(bin, ["explain", "psycopg2"], { cwd: app, encoding: "utf8" })).toMatch(/Build stage:/);
    expect(execFileSync(bin, ["presets"], { cwd: app, encoding: "utf8" })).toMatch(/^django-postgres\t/m);
  });
});
