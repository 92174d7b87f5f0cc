/** plan/spec → requirements.txt text, for packages the user typed in rather than uploaded. */
import type { Requirement } from "../spec";

export function requirementLine(r: Requirement): string {
  const extras = r.extras.length ? `[${r.extras.join(",")}]` : "";
  const spec = r.specifier ? r.specifier.replace(/\s+/g, "") : "";
  const marker = r.marker ? ` ; ${r.marker.trim()}` : "";
  const hashes = r.hashes.map((h) => ` --hash=${h}`).join("");
  return `${r.name}${extras}${spec}${marker}${hashes}`;
}

export function renderRequirements(packages: readonly Requirement[]): string {
  if (packages.length === 0) return "";
  return packages.map(requirementLine).join("\n") + "\n";
}
