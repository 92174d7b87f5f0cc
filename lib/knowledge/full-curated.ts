/**
 * Every curated entry at once, read synchronously: for the server, the CLI, scripts and tests. The page never
 * imports this (a test walks its imports): it loads the entries of the packages it shows (./page.ts).
 */
import { curatedKnowledge } from "./facts";
import { lookupPackage } from "./index";

/** Curated knowledge alone, all entries. */
export const CURATED = curatedKnowledge(lookupPackage);
