import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TriageFiles } from "../triage/files";
import { HOSTILE_DOCKERFILES, HOSTILE_LOGS, checkAudit, checkTriage, dockerfileArbitrary } from "./hostile-dockerfiles";

const bookworm = JSON.parse(readFileSync(path.join(__dirname, "..", "triage", "files", "bookworm.json"), "utf8")) as TriageFiles;

describe("hostile Dockerfiles and logs", () => {
  it("the corpus: no exception, bounded time, findings on real lines", () => {
    for (const text of HOSTILE_DOCKERFILES) expect(checkAudit(text), JSON.stringify(text.slice(0, 60))).toBeNull();
    for (const log of HOSTILE_LOGS) expect(checkTriage(log, bookworm), JSON.stringify(log.slice(0, 60))).toBeNull();
  });
  it("generated Dockerfiles keep the property", () => {
    fc.assert(fc.property(dockerfileArbitrary, (text) => checkAudit(text) === null), { numRuns: 300 });
  });
  it("generated logs keep the property", () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (log) => checkTriage(log, bookworm) === null), { numRuns: 300 });
  });
});
