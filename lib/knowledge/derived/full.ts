/**
 * The whole derived layer, read synchronously: for the server, the CLI and tests. The page never imports this; it
 * loads the shards of the packages it shows (lib/knowledge/page.ts).
 */
import { CURATED } from "../full-curated";
import { withDerived, type DerivedLookup } from "../merge";
import { derivedEntry } from "./all";
import { ALPINE_LOOKUP } from "../alpine";

export const fullDerived: DerivedLookup = derivedEntry;

/** Curated knowledge over all of Debian's derived facts. */
export const fullKnowledge = withDerived(fullDerived, CURATED, ALPINE_LOOKUP);
