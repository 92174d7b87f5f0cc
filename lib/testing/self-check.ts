/**
 * Test helpers for the final stage's self-check: the script exactly as a generated Dockerfile prints it (the RUN's
 * words and its heredoc body), and a run of it with a given interpreter command.
 */
import { spawnSync } from "node:child_process";
import { SELF_CHECK_DELIMITER } from "../plan/self-check";

export interface PrintedSelfCheck {
  /** The words after RUN and before the heredoc: the interpreter and its arguments. */
  command: string[];
  /** The script's text, as the heredoc hands it to the interpreter's stdin. */
  script: string;
}

/** The self-check as printed in a Dockerfile's text, or null when there is none. */
export function printedSelfCheck(dockerfile: string): PrintedSelfCheck | null {
  const lines = dockerfile.split("\n");
  const opener = ` <<'${SELF_CHECK_DELIMITER}'`;
  const start = lines.findIndex((l) => l.startsWith("RUN ") && l.endsWith(opener));
  if (start < 0) return null;
  const end = lines.indexOf(SELF_CHECK_DELIMITER, start + 1);
  if (end < 0) throw new Error("the self-check's heredoc is not closed");
  const command = lines[start].slice("RUN ".length, -opener.length).split(" ");
  return { command, script: lines.slice(start + 1, end).join("\n") + "\n" };
}

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `argv` with the script on stdin. */
export function runScript(argv: string[], script: string, env?: NodeJS.ProcessEnv): ScriptRun {
  const r = spawnSync(argv[0], argv.slice(1), { input: script, encoding: "utf8", env: env ?? process.env, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
