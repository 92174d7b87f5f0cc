/** Where the Debian data scripts read and write, relative to the repository. */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The private apt states scripts/fetch-debian-indices.sh writes (a link to a shared cache is fine). */
export const DEFAULT_INDEX_DIR = path.join(REPO_ROOT, ".cache", "debian");
export const SNAPSHOT_PATH = path.join(REPO_ROOT, "lib", "knowledge", "debian-snapshot.json");
/** The compact projection lib/estimate.ts imports (the page bundles it): see weightsFromSnapshot. */
export const WEIGHTS_PATH = path.join(REPO_ROOT, "lib", "knowledge", "debian-weights.json");
/** The derived knowledge layer: <release>/<shard>.json, <release>/meta.json, <release>/debian-names.json, loaders. */
export const DERIVED_DIR = path.join(REPO_ROOT, "lib", "knowledge", "derived");
/** Committed tables of the program paths in each release's .deb files (deb-scripts-<release>.json): see deb-scripts.ts. */
export const DEB_SCRIPTS_DIR = path.join(REPO_ROOT, "scripts", "debian", "data");

export function debScriptsFile(release: string, dir = DEB_SCRIPTS_DIR): string {
  return path.join(dir, `deb-scripts-${release}.json`);
}
