#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, built by `npm run build:cli`, which `prepare` runs on npm ci / npm install);
// without it, or when a source file is newer than it, the TypeScript sources through tsx (slower to start).
import { existsSync, readFileSync, statSync } from "node:fs";

const bundle = new URL("../dist/cli/wheelwright.mjs", import.meta.url);
const root = new URL("../", import.meta.url);

/** Why the bundle cannot be used, or null when it is current. */
function stale() {
  if (!existsSync(bundle)) return "dist/cli is not built";
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(new URL("../dist/cli/inputs.json", import.meta.url), "utf8"));
  } catch {
    return "dist/cli has no inputs.json (an interrupted build?)";
  }
  for (const file of stamp.files) {
    let mtime;
    try {
      mtime = statSync(new URL(file, root)).mtimeMs;
    } catch {
      return `${file} is gone since dist/cli was built`;
    }
    if (mtime > stamp.built) return `${file} changed since dist/cli was built`;
  }
  return null;
}

const why = stale();
if (why === null) {
  await import(bundle.href);
} else {
  process.stderr.write(`wheelwright: ${why} (npm run build:cli); running the TypeScript sources through tsx, slower to start\n`);
  const { register } = await import("tsx/esm/api");
  register();
  await import("../cli/entry.ts");
}
