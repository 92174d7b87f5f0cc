#!/usr/bin/env node
// Loads the TypeScript CLI through tsx, so `npx wheelwright` works right after `npm install`.
import { register } from "tsx/esm/api";

register();
const { run } = await import("../cli/main.ts");
process.exitCode = run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
