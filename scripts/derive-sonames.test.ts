import { describe, expect, it } from "vitest";
import SONAMES from "../lib/knowledge/sonames.json" with { type: "json" };
import { CURATED } from "../lib/knowledge/packages/index";
import { DEBIAN_RELEASES } from "../lib/knowledge/types";
import { sonames } from "./derive-sonames";

describe("sonames from a package's library files", () => {
  it("keeps the soname links, drops the real files behind them, and keeps two sonames of one library", () => {
    expect(sonames(["libpq.so.5", "libpq.so.5.15"])).toEqual(["libpq.so.5"]);
    expect(sonames(["libodbc.so.1", "libodbc.so.2", "libodbc.so.2.0.0", "libodbccr.so.1", "libodbccr.so.2", "libodbccr.so.2.0.0"])).toEqual([
      "libodbc.so.1",
      "libodbc.so.2",
      "libodbccr.so.1",
      "libodbccr.so.2",
    ]);
    expect(sonames(["libopenjp2.so.2.5.3", "libopenjp2.so.7"])).toEqual(["libopenjp2.so.7"]);
    expect(sonames(["libcrypto.so.1.1", "libssl.so.1.1"])).toEqual(["libcrypto.so.1.1", "libssl.so.1.1"]);
  });

  it("lists only runtime packages the curated knowledge installs, per release", () => {
    const table = SONAMES as Record<string, Record<string, string[]>>;
    expect(Object.keys(table).sort()).toEqual([...DEBIAN_RELEASES].sort());
    for (const release of DEBIAN_RELEASES) {
      const runtime = new Set(CURATED.flatMap((e) => e.needs.filter((n) => n.stage === "runtime").flatMap((n) => n.packages[release])));
      for (const pkg of Object.keys(table[release])) expect(runtime.has(pkg), `${release} ${pkg}`).toBe(true);
      expect(table[release].libpq5).toEqual(["libpq.so.5"]);
    }
  });
});
