/**
 * The page's path to the derived layer: the engine starts with none of it, loads a spec's shards on request
 * (a fake loader here, resolving when the test says), and generates again once they are there.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { pageGenerator } from "./engine";
import { derivedPage } from "./knowledge/derived/page";
import type { DebianRelease } from "./knowledge/types";
import { BuildSpecSchema, DEFAULT_SPEC } from "./spec";
import { fixtureShard } from "./testing/derived-fixture";

const loader = {
  mode: "ok" as "ok" | "fail",
  waiting: [] as (() => void)[],
  /** Lets the loads in flight finish. */
  release() {
    for (const w of loader.waiting.splice(0)) w();
  },
};

const loadShard = (release: DebianRelease, id: string) =>
  new Promise<ReturnType<typeof fixtureShard>>((resolve, reject) => {
    const mode = loader.mode;
    loader.waiting.push(() => (mode === "ok" ? resolve(fixtureShard(release, id)) : reject(new Error("offline"))));
  });

const { generateFiles, knowledgeVersion, loadKnowledge } = pageGenerator(async () => derivedPage(loadShard));

const spec = (base: string, ...names: string[]) => BuildSpecSchema.parse({ ...DEFAULT_SPEC, base, packages: names.map((name) => ({ name })) });
const all = (g: ReturnType<typeof generateFiles>) => [...g.plan.builder.systemPackages, ...g.plan.final.systemPackages].map((p) => p.name);

/** Runs loadKnowledge to the end, letting every load it starts (level after level) finish. */
async function loadAll(s: ReturnType<typeof spec>) {
  let done = false;
  const p = loadKnowledge(s).then((v) => ((done = true), v));
  while (!done) {
    await new Promise((r) => setTimeout(r, 0));
    loader.release();
  }
  return p;
}

beforeEach(() => {
  loader.mode = "ok";
});

describe("engine: derived shards loaded on request", () => {
  it("gives the curated output until the shards arrive, then the output with them", async () => {
    const s = spec("slim-bookworm", "django-auth-ldap");
    const first = generateFiles(s);
    expect(first.plan.packages[0].install).toBe("unknown");
    expect(all(first)).toEqual([]);
    const version = knowledgeVersion();
    const pending = loadKnowledge(s);
    // Still loading: the same (curated) output.
    expect(generateFiles(s)).toBe(first);
    let done = false;
    void pending.then(() => (done = true));
    while (!done) {
      await new Promise((r) => setTimeout(r, 0));
      loader.release();
    }
    expect(await pending).not.toBe(version);
    const next = generateFiles(s);
    expect(next.plan.packages[0]).toMatchObject({ install: "pure", derived: true, carries: ["python-ldap"] });
    expect(all(next)).toContain("libldap2-dev");
    expect(next.dockerfile).toContain("libldap2-dev");
    expect(next.plan.builder.systemPackages.find((p) => p.name === "libldap2-dev")!.reasons[0].why).toMatch(/via python-ldap$/);
  });

  it("a shard that fails: the curated output stays, with a message; the next load tries again", async () => {
    loader.mode = "fail";
    const s = spec("slim-trixie", "pyicu");
    await loadAll(s);
    const failed = generateFiles(s);
    expect(failed.plan.packages[0].install).toBe("unknown");
    expect(all(failed)).toEqual([]);
    const message = failed.warnings.find((w) => w.code === "derived-unavailable");
    expect(message?.message).toMatch(/^Debian's package data for pyicu could not be loaded, so the output uses the curated knowledge only/);
    expect(failed.plan.warnings).toBe(failed.warnings);
    loader.mode = "ok";
    await loadAll(s);
    const ok = generateFiles(s);
    expect(ok.warnings.map((w) => w.code)).not.toContain("derived-unavailable");
    expect(all(ok)).toContain("libicu76");
  });
});
