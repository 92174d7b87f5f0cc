/**
 * The page's path to the package facts: the engine starts with none of them, loads a spec's curated entries and
 * derived shards on request (fake loaders here, resolving when the test says), says when they are all there, and
 * generates again once they are.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { CURATED_NAMES, pageGenerator } from "./engine";
import { generateFiles as generateWith } from "./generate-files";
import { fullKnowledge } from "./knowledge/derived/full";
import { lookupPackage } from "./knowledge";
import { knowledgePage } from "./knowledge/page";
import type { DebianRelease } from "./knowledge/types";
import { BuildSpecSchema, DEFAULT_SPEC } from "./spec";
import { fixtureShard } from "./testing/derived-fixture";
import { withDerived } from "./knowledge/merge";
import { CURATED } from "./knowledge/full-curated";
import { fixtureLookup } from "./testing/derived-fixture";
import { ALPINE_LOOKUP } from "./knowledge/alpine";

const loader = {
  mode: "ok" as "ok" | "fail",
  waiting: [] as (() => void)[],
  requested: [] as string[],
  /** Lets the loads in flight finish. */
  release() {
    for (const w of loader.waiting.splice(0)) w();
  },
};

function held<T>(key: string, value: () => T): Promise<T> {
  loader.requested.push(key);
  return new Promise<T>((resolve, reject) => {
    const mode = loader.mode;
    loader.waiting.push(() => (mode === "ok" ? resolve(value()) : reject(new Error("offline"))));
  });
}

const page = knowledgePage({
  curatedNames: CURATED_NAMES,
  curated: (name) => held(`curated/${name}`, () => lookupPackage(name)!),
  derived: (release: DebianRelease, id: string) => held(`${release}/${id}`, () => fixtureShard(release, id)),
  alpine: () => held("alpine", () => ALPINE_LOOKUP),
});
const { generateFiles, knowledgeVersion, loadKnowledge, isKnowledgeReady, suggest, loadSuggestions } = pageGenerator(async () => page);

const spec = (base: string, ...names: string[]) => BuildSpecSchema.parse({ ...DEFAULT_SPEC, base, packages: names.map((name) => ({ name })) });
const all = (g: ReturnType<typeof generateFiles>) => [...g.plan.builder.systemPackages, ...g.plan.final.systemPackages].map((p) => p.name);

/** Runs `start` to the end, letting every load it starts (level after level) finish. */
async function finish<T>(start: () => Promise<T>): Promise<T> {
  let done = false;
  const p = start().then((v) => ((done = true), v));
  while (!done) {
    await new Promise((r) => setTimeout(r, 0));
    loader.release();
  }
  return p;
}

beforeEach(() => {
  loader.mode = "ok";
  loader.requested.length = 0;
});

describe("engine: package facts loaded on request", () => {
  it("a package without a curated entry is shown at once, and again with Debian's facts once its shards arrive", async () => {
    const s = spec("slim-bookworm", "django-auth-ldap");
    expect(isKnowledgeReady(s)).toBe(true);
    const first = generateFiles(s);
    expect(first.plan.packages[0].install).toBe("unknown");
    const version = knowledgeVersion();
    const pending = loadKnowledge(s);
    // Still loading: the same output.
    expect(generateFiles(s)).toBe(first);
    let done = false;
    void pending.then(() => (done = true));
    while (!done) {
      await new Promise((r) => setTimeout(r, 0));
      loader.release();
    }
    expect(await pending).not.toBe(version);
    expect(isKnowledgeReady(s)).toBe(true);
    // python-ldap's curated entry (reached through Debian's requires) came too.
    expect(loader.requested).toContain("curated/python-ldap");
    const next = generateFiles(s);
    expect(next.plan.packages[0]).toMatchObject({ install: "pure", derived: true, carries: ["python-ldap"] });
    expect(all(next)).toContain("libldap2-dev");
    expect(next.dockerfile).toContain("libldap2-dev");
    expect(next.plan.builder.systemPackages.find((p) => p.name === "libldap2-dev")!.reasons[0].why).toMatch(/via python-ldap$/);
  });

  it("a curated package: its entry is requested on demand, and once ready the output is the server's", async () => {
    const s = spec("slim-bookworm", "psycopg2", "Pillow");
    expect(loader.requested.filter((r) => r.startsWith("curated/"))).toEqual([]);
    expect(isKnowledgeReady(s)).toBe(false);
    await finish(() => loadKnowledge(s));
    expect(loader.requested.filter((r) => r.startsWith("curated/")).sort()).toEqual(["curated/pillow", "curated/psycopg2"]);
    expect(isKnowledgeReady(s)).toBe(true);
    const g = generateFiles(s);
    expect(g.plan.packages.map((p) => p.install)).not.toContain("unknown");
    expect(all(g)).toEqual(expect.arrayContaining(["libpq-dev", "libpq5"]));
    // The same facts as the server's (the fixture shards stand for Debian's here).
    expect(g.dockerfile).toBe(generateWith(s, withDerived(fixtureLookup, CURATED, ALPINE_LOOKUP)).dockerfile);
  });

  it("a load that fails: ready with what there is, with a message; the next load tries again", async () => {
    loader.mode = "fail";
    const s = spec("slim-trixie", "pyicu", "pycurl");
    await finish(() => loadKnowledge(s));
    expect(isKnowledgeReady(s)).toBe(true);
    const failed = generateFiles(s);
    expect(failed.plan.packages.map((p) => p.install)).toEqual(["unknown", "unknown"]);
    expect(all(failed)).toEqual([]);
    const codes = failed.warnings.map((w) => w.code);
    expect(failed.warnings.find((w) => w.code === "derived-unavailable")?.message).toMatch(/^Debian's package data for pyicu, pycurl could not be loaded, so the output uses the curated knowledge only/);
    expect(failed.warnings.find((w) => w.code === "curated-unavailable")?.message).toMatch(/^The curated facts of pycurl could not be loaded/);
    expect(codes.filter((c) => c.endsWith("-unavailable"))).toHaveLength(2);
    expect(failed.plan.warnings).toBe(failed.warnings);
    loader.mode = "ok";
    const retry = loadKnowledge(s);
    await new Promise((r) => setTimeout(r, 0));
    // Tried again: not ready while the new attempt is in flight.
    expect(isKnowledgeReady(s)).toBe(false);
    await finish(() => retry);
    const ok = generateFiles(s);
    expect(ok.warnings.map((w) => w.code)).not.toContain("derived-unavailable");
    expect(ok.warnings.map((w) => w.code)).not.toContain("curated-unavailable");
    expect(all(ok)).toContain("libicu76");
    expect(ok.plan.packages.map((p) => p.install)).not.toContain("unknown");
  });

  it("on Alpine, loads the Debian → Alpine table too (a Debian target never asks for it), and says when it failed", async () => {
    const debian = spec("slim-bookworm", "pyaudio");
    await finish(() => loadKnowledge(debian));
    expect(loader.requested).not.toContain("alpine");
    loader.mode = "fail";
    const alpine = spec("alpine", "pyaudio");
    await finish(() => loadKnowledge(alpine));
    expect(loader.requested).toContain("alpine");
    expect(generateFiles(alpine).warnings.map((w) => w.code)).toContain("alpine-names-unavailable");
    loader.mode = "ok";
    await finish(() => loadKnowledge(alpine));
    const g = generateFiles(alpine);
    expect(g.warnings.map((w) => w.code)).not.toContain("alpine-names-unavailable");
    // The same facts as the server's.
    expect(g.dockerfile).toBe(generateWith(alpine, withDerived(fixtureLookup, CURATED, ALPINE_LOOKUP)).dockerfile);
  });

  it("suggests from the catalog at once and describes a suggestion once its entry has loaded", async () => {
    const s = spec("slim-bookworm");
    const first = suggest(s, "pyzm");
    expect(first.map((x) => x.entry.name)).toEqual(["pyzmq"]);
    expect(first[0].needs).toBeUndefined();
    await finish(() => loadSuggestions("pyzm"));
    expect(loader.requested).toEqual(["curated/pyzmq"]);
    const described = suggest(s, "pyzm")[0];
    expect(described.needs?.install).toBe(generateWith({ ...s, packages: [{ name: "pyzmq", extras: [], hashes: [] }] }, fullKnowledge).plan.packages[0].install);
  });
});
