/**
 * Hostile input for the audit and triage: a corpus of pathological Dockerfiles and logs, arbitraries that build
 * more, and the property every one must keep (no exception but the size refusal, bounded time, findings on real
 * lines, one-line messages). Used by hostile-dockerfiles.test.ts and the long run in scripts/fuzz.ts.
 */
import fc from "fast-check";
import { auditDockerfile } from "../rules/audit";
import { DockerfileTooLarge } from "../rules/parse";
import type { TriageFiles } from "../triage/files";
import { triageLog } from "../triage/triage";

export const HOSTILE_DOCKERFILES: readonly string[] = [
  "",
  "\u0000\u0000\u0000",
  "FROM",
  "FROM :\nCMD []",
  "FROM python:3.12 AS\nCOPY --from= a\nCOPY --from=999 /x /y\nCOPY --from=-1 /x /y",
  "ARG A\nFROM python:${A}\nRUN ${A} ${A} $A${A}${",
  "FROM python:3.12\nRUN " + "\\\n".repeat(5000),
  "FROM python:3.12\nCMD [" + "[".repeat(10_000),
  "FROM python:3.12\nCMD " + '"'.repeat(20_000),
  "FROM python:3.12\nHEALTHCHECK CMD CMD CMD " + "CMD ".repeat(5000),
  "FROM python:3.12\nRUN apt-get install " + "-o ".repeat(10_000),
  "FROM python:3.12\nRUN pip install " + "a[".repeat(10_000),
  "# escape=`\nFROM python:3.12\nRUN echo `\n  hi",
  "FROM python:3.12\nRUN <<EOF\napt-get install gcc\nEOF\n",
  "FROM a AS a\nFROM a AS b\nFROM b AS a\nFROM a\nCOPY --from=a /usr/local/lib/python3.12/site-packages /x\nCMD gunicorn",
  "FROM python:3.12\nEXPOSE " + "1".repeat(50_000) + "\nCMD [\"gunicorn\", \"-b\", \"" + "9".repeat(10_000) + "\"]",
  "FROM python:3.12\nENV " + "A_TOKEN=1 ".repeat(10_000),
  "FROM python:3.12\r\nRUN apt-get update\r\nCMD python\r\n",
  "\uFEFFFROM python:3.12\nUSER \u202Eroot\n",
];

export const HOSTILE_LOGS: readonly string[] = [
  "",
  "fatal error: " + "a/".repeat(50_000) + ".h: No such file or directory",
  "cannot find -l" + "z".repeat(100_000),
  ("lib" + "a.".repeat(5000) + "so: cannot open shared object file\n").repeat(10),
  "Command '" + "x".repeat(10_000) + " returned non-zero exit status 127",
  ": not found\n".repeat(50_000),
  "Failed to build \nFailed to build " + "x".repeat(10_000),
];

const WORDS = ["FROM", "RUN", "CMD", "COPY", "ENV", "ARG", "USER", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT", "AS", "--from=", "--chmod=700", "python:3.12-slim", "apt-get", "install", "pip", "-r", "&&", "\\", "\n", "[", "]", '"', "$", "${", "}", "gunicorn", "site-packages", "/opt/venv", "=", ":", " "];

export const dockerfileArbitrary = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 400 }).map((w) => w.join(" ")),
);

/** The property: checked for one input; returns a reason when it fails. */
export function checkAudit(text: string): string | null {
  const lines = text.split("\n").length;
  const t = performance.now();
  try {
    for (const f of auditDockerfile(text, { requirements: "gunicorn\nGDAL\npyodbc\n" })) {
      if (f.line < 0 || f.line > lines) return `finding on line ${f.line} of ${lines}`;
      if (/[\r\n]/.test(f.message)) return `multi-line message from ${f.rule}`;
    }
  } catch (e) {
    if (!(e instanceof DockerfileTooLarge)) return `threw ${(e as Error).message}`;
  }
  const ms = performance.now() - t;
  return ms > 2000 ? `took ${ms.toFixed(0)} ms` : null;
}

export function checkTriage(log: string, files: TriageFiles): string | null {
  const t = performance.now();
  try {
    const r = triageLog(log, "bookworm", files);
    for (const d of r.diagnoses) if (/[\r\n]/.test(d.fix) || /[\r\n]/.test(d.cause)) return "multi-line diagnosis";
  } catch (e) {
    return `threw ${(e as Error).message}`;
  }
  const ms = performance.now() - t;
  return ms > 2000 ? `took ${ms.toFixed(0)} ms` : null;
}
