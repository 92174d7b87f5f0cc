/**
 * The file table of a target, loaded on demand (one import() per release, so the page fetches only the one it
 * needs, and only when a log is triaged). Alpine has no Contents index here: it reads bookworm's file names and
 * maps the packages through the Alpine name table (triage.ts).
 */
import type { Target } from "../knowledge/types";
import type { TriageFiles } from "./files";

export async function loadTriageFiles(target: Target): Promise<TriageFiles> {
  switch (target) {
    case "bullseye":
      return (await import("./files/bullseye.json")).default as TriageFiles;
    case "trixie":
      return (await import("./files/trixie.json")).default as TriageFiles;
    case "bookworm":
    case "alpine":
      return (await import("./files/bookworm.json")).default as TriageFiles;
  }
}
