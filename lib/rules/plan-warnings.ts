/**
 * The rules whose checks read a Plan, as the plan's own warnings: one mechanism for what the wizard warns about
 * and what `wheelwright audit` finds. resolve() appends these to Plan.warnings. (A plan has no error severity: an
 * error-severity rule is a warning there; the audit keeps it an error.) No parser is imported on this path.
 */
import type { Plan, PlanWarning } from "../resolve";
import { commandInstalled } from "./command-installed";
import { exposePort } from "./expose-port";
import { finalBuildTools } from "./final-build-tools";
import { gdalPinned } from "./gdal-pinned";
import { rootUser } from "./root-user";
import type { Rule } from "./types";

/** Each rule with the spec field its warning points at. */
const PLAN_RULES: readonly [Rule, string][] = [
  [commandInstalled, "runtime.command"],
  [gdalPinned, "packages"],
  [exposePort, "runtime.port"],
  [finalBuildTools, "systemPackages.runtime"],
  [rootUser, "runtime.user.enabled"],
];

export function ruleWarnings(plan: Plan): PlanWarning[] {
  return PLAN_RULES.flatMap(([rule, field]) =>
    (rule.plan?.(plan) ?? []).map((h): PlanWarning => ({ code: rule.id, severity: rule.severity === "info" ? "info" : "warning", field, message: h.message })),
  );
}
