#!/usr/bin/env node
/**
 * Builds the CLI as a standalone package in dist/cli (run by `npm run build:cli` and by `prepare`, so `npm ci`
 * and `npm install` leave it built):
 *   dist/cli/wheelwright.mjs   lib/ and cli/ bundled into one ES module for Node, no runtime dependencies
 *   dist/cli/derived/          the derived knowledge shards, read one file at a time (cli/derived-files.ts)
 *   dist/cli/package.json      name, version and bin, so `npm pack dist/cli` gives an installable tarball
 *   dist/cli/inputs.json       the source files bundled and when: bin/wheelwright.mjs runs the sources instead when
 *                              one is newer (not packed)
 * `--out DIR` builds elsewhere (the package test builds in a temporary folder). Plain JavaScript, so it runs
 * before anything else is built.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { out: { type: "string" } } });
const out = values.out ? resolve(values.out) : join(root, "dist", "cli");
const derivedSrc = join(root, "lib", "knowledge", "derived");
const derivedModules = [join(derivedSrc, "all.ts"), join(derivedSrc, "shards.ts")];

// The bundle reads the derived shards from files on demand instead of inlining every release's JSON: both ways to
// them (all.ts at once, shards.ts one shard at a time) resolve to cli/derived-files.ts, which has both APIs.
const derivedFromFiles = {
  name: "derived-from-files",
  setup(b) {
    b.onResolve({ filter: /(^|\/)(all|shards)(\.ts)?$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path.endsWith(".ts") ? args.path : `${args.path}.ts`);
      return derivedModules.includes(target) ? { path: join(root, "cli", "derived-files.ts") } : undefined;
    });
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: [join(root, "cli", "entry.ts")],
  outfile: join(out, "wheelwright.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: "#!/usr/bin/env node" },
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  plugins: [derivedFromFiles],
});

if (existsSync(derivedSrc)) {
  for (const release of readdirSync(derivedSrc, { withFileTypes: true })) {
    if (!release.isDirectory()) continue;
    const dest = join(out, "derived", release.name);
    mkdirSync(dest, { recursive: true });
    for (const file of readdirSync(join(derivedSrc, release.name))) {
      if (file.endsWith(".json")) cpSync(join(derivedSrc, release.name, file), join(dest, file));
    }
  }
}

// The triage file tables, read by cli/triage.ts when a log is triaged.
const triageSrc = join(root, "lib", "triage", "files");
if (existsSync(triageSrc)) {
  mkdirSync(join(out, "triage"), { recursive: true });
  for (const file of readdirSync(triageSrc)) if (file.endsWith(".json")) cpSync(join(triageSrc, file), join(out, "triage", file));
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const cliPkg = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  type: "module",
  bin: { wheelwright: "wheelwright.mjs" },
  engines: pkg.engines,
  files: ["wheelwright.mjs", "derived/", "triage/"],
};
writeFileSync(join(out, "package.json"), JSON.stringify(cliPkg, null, 2) + "\n");

// Written last: a build that failed half-way leaves no stamp, and the bin does not trust the bundle.
const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes("node_modules/"));
// The shards are copied, not bundled: each release's meta.json is rewritten with them.
if (existsSync(derivedSrc)) for (const r of readdirSync(derivedSrc)) if (existsSync(join(derivedSrc, r, "meta.json"))) inputs.push(`lib/knowledge/derived/${r}/meta.json`);
if (existsSync(triageSrc)) for (const f of readdirSync(triageSrc)) if (f.endsWith(".json")) inputs.push(`lib/triage/files/${f}`);
writeFileSync(join(out, "inputs.json"), JSON.stringify({ built: Date.now(), files: inputs }) + "\n");

const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`built ${out} (wheelwright.mjs ${(bytes / 1024).toFixed(0)} KiB)`);
