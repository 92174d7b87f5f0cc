/**
 * What the page's "Check a Dockerfile" and triage boxes run, loaded with one import() when the user first asks
 * (dockerfile-ast, the rules and the triage code stay out of the page's first load; the release's file table is
 * one more import() when a log is triaged).
 */
import type { Target } from "./knowledge/types";
import { VARIANTS, type VariantId } from "./knowledge/python-images";
import { auditDockerfile } from "./rules/audit";
import { DockerfileTooLarge } from "./rules/parse";
import { rebuildFromDockerfile } from "./rules/rebuild";
import type { Finding } from "./rules/types";
import { encodeShare } from "./share";
import { loadTriageFiles } from "./triage/load";
import { triageLog, type TriageResult } from "./triage/triage";

export type CheckResult = { ok: true; findings: Finding[] } | { ok: false; message: string };

export function checkDockerfile(text: string, requirements?: string): CheckResult {
  try {
    return { ok: true, findings: auditDockerfile(text, { requirements: requirements?.trim() ? requirements : undefined }) };
  } catch (e) {
    if (e instanceof DockerfileTooLarge) return { ok: false, message: e.message };
    throw e;
  }
}

/** The wizard's share query for the spec read from the file, and what was read and dropped. */
export function rebuildQuery(text: string, requirements?: string): { query: string | null; read: string[]; dropped: string[] } {
  try {
    const r = rebuildFromDockerfile(text, requirements);
    const share = encodeShare(r.spec);
    return { query: share.ok ? share.query : null, read: r.read, dropped: r.dropped };
  } catch (e) {
    if (e instanceof DockerfileTooLarge) return { query: null, read: [], dropped: [e.message] };
    throw e;
  }
}

export async function triage(log: string, base: VariantId): Promise<TriageResult> {
  const target: Target = VARIANTS[base].target;
  return triageLog(log, target, await loadTriageFiles(target));
}

export { VARIANT_IDS } from "./knowledge/python-images";
