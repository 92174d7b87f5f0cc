/** The process entry of the CLI: argv and stdio in, exit status out. The bundle (dist/cli) starts here. */
import { run } from "./main";

process.exitCode = run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
