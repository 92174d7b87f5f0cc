import type { PackageKnowledge } from "../types";

/** Entries written by the group-a author; see types.ts for the meaning of each field. */
export const GROUP_A: PackageKnowledge[] = [];
