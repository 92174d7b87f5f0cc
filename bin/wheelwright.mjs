#!/usr/bin/env node
// Runs the compiled CLI (dist/cli, built by `npm run build:cli`, which `prepare` runs on npm ci / npm install);
// without it, the TypeScript sources through tsx, which compiles them at every start.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/wheelwright.mjs", import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write("wheelwright: dist/cli is not built (npm run build:cli); running the TypeScript sources through tsx, slower to start\n");
  const { register } = await import("tsx/esm/api");
  register();
  await import("../cli/entry.ts");
}
