import { describe, expect, it } from "vitest";
import { BuildSpecSchema, DEFAULT_SPEC } from "../spec";
import { appPlan } from "./app";

const runtime = (over: Partial<typeof DEFAULT_SPEC.runtime>) => BuildSpecSchema.parse({ ...DEFAULT_SPEC, runtime: { ...DEFAULT_SPEC.runtime, ...over } });

describe("appPlan", () => {
  it("copies each path under the workdir, trailing slashes dropped", () => {
    expect(appPlan(runtime({ copy: ["src/", "./app.py", "."] })).copies).toEqual([
      { source: "src", dest: "./src" },
      { source: "./app.py", dest: "./app.py" },
      { source: ".", dest: "." },
    ]);
  });

  it("checks health with Python's urllib on the app's port, when asked", () => {
    const hc = appPlan(runtime({ port: 8000, healthcheck: { enabled: true, path: "/healthz" } })).healthcheck!;
    expect(hc.url).toBe("http://127.0.0.1:8000/healthz");
    expect(hc.argv.slice(0, 2)).toEqual(["python", "-c"]);
    expect(hc.argv[2]).toContain("urlopen('http://127.0.0.1:8000/healthz'");
    expect(appPlan(runtime({ port: 8000, healthcheck: { enabled: false, path: "/healthz" } })).healthcheck).toBeNull();
  });

  it("runs as the numeric uid:gid, or as root when the user is off", () => {
    expect(appPlan(runtime({ user: { ...DEFAULT_SPEC.runtime.user, uid: 12345 } })).user).toBe("12345:12345");
    expect(appPlan(runtime({ user: { ...DEFAULT_SPEC.runtime.user, enabled: false } })).user).toBeNull();
  });
});
