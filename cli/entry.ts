/** The process entry of the CLI: argv and stdio in, exit status out. The bundle (dist/cli) starts here. */
import { run } from "./main";

// A reader that stops early (`wheelwright presets | head -1`) closes the pipe: that ends the output, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
