/** One rule over a Dockerfile's text: what the rule tests call (and a quick way to try a rule). */
import { auditDockerfile } from "./audit";
import type { Finding, Rule } from "./types";

export function findings(rule: Rule, dockerfile: string, requirements?: string): Finding[] {
  return auditDockerfile(dockerfile, { rules: [rule], requirements });
}

/** Lines of the findings, for compact assertions. */
export function lines(rule: Rule, dockerfile: string, requirements?: string): number[] {
  return findings(rule, dockerfile, requirements).map((f) => f.line);
}
