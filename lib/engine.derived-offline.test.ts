/** The engine when the derived layer's own chunk cannot be loaded: curated output, a message, no error. */
import { afterAll, describe, expect, it, vi } from "vitest";
import { BuildSpecSchema, DEFAULT_SPEC } from "./spec";

vi.mock("./knowledge/derived/page", () => {
  throw new Error("chunk failed to load");
});

// The suite shares modules between files (isolate: false): a fresh engine, so its import() meets the mock above,
// and afterwards neither the mock nor this engine (which counted a failure) stays for the files that follow.
vi.resetModules();
const { generateFiles, knowledgeVersion, loadKnowledge } = await import("./engine");
afterAll(() => {
  vi.doUnmock("./knowledge/derived/page");
  vi.resetModules();
});

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
