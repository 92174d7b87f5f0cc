import { describe, expect, it } from "vitest";
import { memo } from "./memo";

describe("memo", () => {
  it("computes once per key and hands back the same result", () => {
    let calls = 0;
    const twice = memo((n: number) => ({ value: (calls++, n * 2) }), { key: (n) => String(n), size: 4 });
    const a = twice(3);
    expect(twice(3)).toBe(a);
    expect(a.value).toBe(6);
    expect(calls).toBe(1);
  });

  it("keeps at most `size` results, dropping the least recently used", () => {
    const seen: string[] = [];
    const id = memo((s: string) => (seen.push(s), s), { key: (s) => s, size: 2 });
    id("a");
    id("b");
    id("a"); // a is now the most recent
    id("c"); // drops b
    id("a");
    id("b");
    expect(seen).toEqual(["a", "b", "c", "b"]);
  });

  it("forgets everything on clear", () => {
    let calls = 0;
    const f = memo(() => ++calls, { key: () => "", size: 1 });
    f();
    f.clear();
    expect(f()).toBe(2);
  });
});
