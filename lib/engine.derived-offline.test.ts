/** The engine when the derived layer's own chunk cannot be loaded: curated output, a message, no error. */
import { describe, expect, it } from "vitest";
import { pageGenerator } from "./engine";
import { BuildSpecSchema, DEFAULT_SPEC } from "./spec";

const { generateFiles, knowledgeVersion, loadKnowledge } = pageGenerator(() => Promise.reject(new Error("chunk failed to load")));

describe("engine: the derived layer cannot be loaded", () => {
  it("keeps the curated output and says why, without throwing", async () => {
    const spec = BuildSpecSchema.parse({ ...DEFAULT_SPEC, packages: [{ name: "django-auth-ldap" }, { name: "psycopg2" }] });
    const before = generateFiles(spec);
    expect(before.warnings.map((w) => w.code)).not.toContain("derived-unavailable");
    const version = knowledgeVersion();
    await expect(loadKnowledge(spec)).resolves.not.toBe(version);
    const after = generateFiles(spec);
    expect(after.dockerfile).toBe(before.dockerfile);
    expect(after.plan.packages.map((p) => p.install)).toEqual(["unknown", "source"]);
    expect(after.warnings.find((w) => w.code === "derived-unavailable")?.message).toMatch(/^Debian's package data for django-auth-ldap, psycopg2 could not be loaded/);
  });
});
