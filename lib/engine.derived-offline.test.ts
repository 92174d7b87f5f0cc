/** The engine when the knowledge module's own chunk cannot be loaded: an output without package facts, a message, no error. */
import { describe, expect, it } from "vitest";
import { pageGenerator } from "./engine";
import { BuildSpecSchema, DEFAULT_SPEC } from "./spec";

const { generateFiles, knowledgeVersion, loadKnowledge, isKnowledgeReady } = pageGenerator(() => Promise.reject(new Error("chunk failed to load")));

describe("engine: the knowledge module cannot be loaded", () => {
  it("is ready once the load has failed, and says what is missing, without throwing", async () => {
    const spec = BuildSpecSchema.parse({ ...DEFAULT_SPEC, packages: [{ name: "django-auth-ldap" }, { name: "psycopg2" }] });
    expect(isKnowledgeReady(spec)).toBe(false);
    const version = knowledgeVersion();
    await expect(loadKnowledge(spec)).resolves.not.toBe(version);
    expect(isKnowledgeReady(spec)).toBe(true);
    const after = generateFiles(spec);
    expect(after.plan.packages.map((p) => p.install)).toEqual(["unknown", "unknown"]);
    expect(after.warnings.find((w) => w.code === "derived-unavailable")?.message).toMatch(/^Debian's package data for django-auth-ldap, psycopg2 could not be loaded/);
    expect(after.warnings.find((w) => w.code === "curated-unavailable")?.message).toMatch(/^The curated facts of psycopg2 could not be loaded/);
  });
});
