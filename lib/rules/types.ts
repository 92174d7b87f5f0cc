/**
 * Rules as code: one file per rule (lib/rules/<id>.ts), each with its id, severity, the message's subject, and a
 * check over a parsed Dockerfile (model.ts) and/or over a Plan. The audit (audit.ts) runs them; the index
 * (index.ts) lists them. `refs` names the hadolint, BuildKit and Trivy checks a rule matches, and `differs` says
 * where Wheelwright deliberately judges otherwise.
 */
import type { Plan } from "../resolve";
import type { DockerfileModel } from "./model";

export type RuleSeverity = "error" | "warning" | "info";

export interface Finding {
  rule: string;
  severity: RuleSeverity;
  /** 1-based line of the instruction the finding is about; 0 for the file (or plan) as a whole. */
  line: number;
  message: string;
}

/** What a Dockerfile check sees: the file, and the Python packages it installs when they are known. */
export interface AuditInput {
  file: DockerfileModel;
  /**
   * PEP 503 names of the Python packages the image installs: from --requirements, or the literal operands of
   * `pip install` in the file. null when the file installs from a file we were not given (nothing to check).
   */
  packages: ReadonlySet<string> | null;
  /** Debian-derived console scripts by program, when the caller has Debian's data loaded. */
  scripts?: ReadonlyMap<string, string>;
}

export type RuleHit = { line: number; message: string };

export interface Rule {
  id: string;
  severity: RuleSeverity;
  /** One line: what the rule asks for. */
  title: string;
  refs: { hadolint?: string[]; buildkit?: string[]; trivy?: string[] };
  /** Where Wheelwright deliberately differs from the referenced checks, and why. */
  differs?: string;
  dockerfile?: (input: AuditInput) => RuleHit[];
  plan?: (plan: Plan) => RuleHit[];
}
