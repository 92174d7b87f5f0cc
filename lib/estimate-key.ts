/**
 * What a weight estimate depends on: the two stages' images, variants, targets and apt package names.
 * Two plans with the same key have the same estimate. Kept apart from lib/estimate.ts (and its Debian
 * data) so the page can tell whether the server's estimate still applies without loading that data.
 */
import type { Plan } from "./resolve";

/** What of a plan the weight estimate reads: its two stages. */
export type StagesOf = Pick<Plan, "builder" | "final">;

export function estimateKey(plan: StagesOf): string {
  return [plan.builder, plan.final]
    .map((s) => `${s.image}\u0001${s.variant}\u0001${s.target}\u0001${s.systemPackages.map((p) => p.name).join("\u0000")}`)
    .join("\u0002");
}
