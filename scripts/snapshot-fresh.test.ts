/**
 * The committed lib/knowledge/debian-snapshot.json must be what
 * scripts/build-debian-snapshot.ts makes from the current knowledge.
 * Runs only where Debian indices were fetched (scripts/fetch-debian-indices.sh):
 * WHEELWRIGHT_DEBIAN_INDICES=DIR, else .cache/debian in the repository.
 * When the indices are a different fetch than the committed snapshot (other
 * Release dates), comparing is meaningless and the test only reports it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEBIAN_RELEASES } from "../lib/knowledge/types";
import { buildSnapshot, DEFAULT_INDEX_DIR, SNAPSHOT_PATH, serializeSnapshot } from "./build-debian-snapshot";

const DIR = path.resolve(process.env.WHEELWRIGHT_DEBIAN_INDICES ?? DEFAULT_INDEX_DIR);
const HAVE_INDICES = DEBIAN_RELEASES.every((r) => existsSync(path.join(DIR, r, "lists")));

describe("debian-snapshot.json is fresh", () => {
  it.skipIf(!HAVE_INDICES)(
    `regenerating from ${DIR} gives the committed file`,
    () => {
      const committedText = readFileSync(SNAPSHOT_PATH, "utf8");
      const committed = JSON.parse(committedText);
      const fresh = buildSnapshot(DIR);
      const sameFetch = DEBIAN_RELEASES.every((r) => committed.releases?.[r]?.date === fresh.releases[r].date);
      if (!sameFetch) {
        console.warn(`indices in ${DIR} are another fetch than the committed snapshot; not compared`);
        return;
      }
      const text = serializeSnapshot(fresh);
      // Compare parsed first (readable diff), then bytes (formatting is deterministic too).
      expect(JSON.parse(text), "stale: run npm run data:debian").toEqual(committed);
      expect(text === committedText, "formatting differs: run npm run data:debian").toBe(true);
    },
    180_000,
  );
});
