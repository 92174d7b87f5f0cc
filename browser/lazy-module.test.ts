import { describe, expect, it, vi } from "vitest";
import { lazyModule } from "./lazy-module";

/** An importer whose loads the test settles by hand, counting them. */
function controlledImporter<T>() {
  const calls: { resolve: (m: T) => void; reject: (e: unknown) => void }[] = [];
  const importer = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { importer, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("lazyModule", () => {
  it("loads once however often it is asked, and holds the module once it has arrived", async () => {
    const { importer, calls } = controlledImporter<{ n: number }>();
    const lazy = lazyModule(importer, () => {});
    const a = lazy.load();
    const b = lazy.load();
    lazy.preload();
    expect(calls.length).toBe(1);
    expect(lazy.current()).toBeNull();
    calls[0].resolve({ n: 1 });
    expect(await a).toEqual({ n: 1 });
    expect(await b).toBe(await a);
    expect(lazy.current()).toBe(await a);
    await lazy.load();
    expect(calls.length).toBe(1);
  });

  it("forgets a failed load, so the next request tries again", async () => {
    const { importer, calls } = controlledImporter<string>();
    const lazy = lazyModule(importer, () => {});
    const first = lazy.load();
    calls[0].reject(new Error("offline"));
    await expect(first).rejects.toThrow("offline");
    expect(lazy.current()).toBeNull();
    const second = lazy.load();
    expect(calls.length).toBe(2);
    calls[1].resolve("module");
    expect(await second).toBe("module");
  });

  it("withModule runs at once (in the caller's task) when loaded, else when the module arrives", async () => {
    const { importer, calls } = controlledImporter<string>();
    const lazy = lazyModule(importer, () => {});
    const seen: string[] = [];
    lazy.withModule((m) => seen.push(`early ${m}`));
    expect(seen).toEqual([]);
    calls[0].resolve("m");
    await flush();
    expect(seen).toEqual(["early m"]);
    lazy.withModule((m) => seen.push(`late ${m}`));
    expect(seen).toEqual(["early m", "late m"]);
  });

  it("reports a failed load that nobody awaits (withModule, preload) instead of throwing", async () => {
    const { importer, calls } = controlledImporter<string>();
    const failures: unknown[] = [];
    const lazy = lazyModule(importer, (err) => failures.push((err as Error).message));
    const run = vi.fn();
    lazy.withModule(run);
    calls[0].reject(new Error("offline"));
    await flush();
    lazy.preload();
    calls[1].reject(new Error("still offline"));
    await flush();
    expect(run).not.toHaveBeenCalled();
    expect(failures).toEqual(["offline", "still offline"]);
  });

  it("tells its subscribers when the module has arrived, and no longer after they unsubscribe", async () => {
    const { importer, calls } = controlledImporter<string>();
    const lazy = lazyModule(importer, () => {});
    const kept = vi.fn();
    const dropped = vi.fn();
    lazy.subscribe(kept);
    const unsubscribe = lazy.subscribe(dropped);
    unsubscribe();
    const loaded = lazy.load();
    expect(kept).not.toHaveBeenCalled();
    calls[0].resolve("m");
    await loaded;
    expect(kept).toHaveBeenCalledTimes(1);
    expect(dropped).not.toHaveBeenCalled();
  });
});
