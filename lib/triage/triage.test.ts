import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Target } from "../knowledge/types";
import type { TriageFiles } from "./files";
import { TOOLCHAINS } from "../knowledge/toolchains";
import { MAX_LOG_BYTES, triageLog } from "./triage";

const files = (r: string) => JSON.parse(readFileSync(path.join(__dirname, "files", `${r}.json`), "utf8")) as TriageFiles;
const TABLES = { bullseye: files("bullseye"), bookworm: files("bookworm"), trixie: files("trixie") };
const log = (name: string) => readFileSync(path.join(__dirname, "logs", `${name}.log`), "utf8");
const triage = (name: string, target: Target = "bookworm") => triageLog(log(name), target, target === "alpine" ? TABLES.bookworm : TABLES[target]);
const first = (name: string, target: Target = "bookworm") => {
  const d = triage(name, target).diagnoses[0];
  return { kind: d.kind, missing: d.missing, python: d.pythonPackage, packages: d.packages, stage: d.stage };
};

describe("triage names the package and the fix", () => {
  it("pg_config → libpq-dev in the builder", () => {
    expect(first("pg_config")).toEqual({ kind: "program", missing: "pg_config", python: "psycopg2", packages: ["libpq-dev"], stage: "build" });
  });
  it("sql.h → unixodbc-dev in the builder", () => {
    expect(first("sql_h")).toEqual({ kind: "header", missing: "sql.h", python: "pyodbc", packages: ["unixodbc-dev"], stage: "build" });
  });
  it("libGL.so.1 at import → libgl1 in the final stage", () => {
    expect(first("libGL")).toMatchObject({ kind: "shared-library", missing: "libGL.so.1", packages: ["libgl1"], stage: "runtime" });
  });
  it("-lz → zlib1g-dev", () => {
    expect(first("lz")).toEqual({ kind: "link-library", missing: "-lz", python: "Pillow", packages: ["zlib1g-dev"], stage: "build" });
  });
  it("libpq.so.5 at start → libpq5 in the final stage", () => {
    expect(first("libpq")).toMatchObject({ missing: "libpq.so.5", packages: ["libpq5"], stage: "runtime" });
  });
  it("mysqlclient's pkg-config message → pkg-config and the MySQL client headers, by release", () => {
    const r = triage("mysqlclient");
    expect(r.diagnoses[0]).toMatchObject({ kind: "program", missing: "pkg-config", packages: ["pkgconf"] });
    const whole = r.diagnoses.find((d) => d.kind === "pkg-config-module")!;
    expect(whole.pythonPackage).toBe("mysqlclient");
    expect(whole.packages).toContain("pkgconf");
    expect(whole.packages).toContain("default-libmysqlclient-dev");
  });
  it("gdal-config → libgdal-dev (once, though two lines say it)", () => {
    const r = triage("gdal-config");
    expect(r.diagnoses).toHaveLength(1);
    expect(r.diagnoses[0]).toMatchObject({ missing: "gdal-config", packages: ["libgdal-dev"], stage: "build" });
  });
  it("a missing Rust compiler → cargo and rustc; apk names on Alpine", () => {
    expect(first("rust")).toMatchObject({ kind: "compiler", python: "cryptography", packages: ["cargo", "rustc"] });
    expect(first("rust", "alpine").packages).toEqual(TOOLCHAINS.rust.alpine);
  });
  it("the release decides the runtime package: libodbc.so.2 is libodbc1 on bullseye, libodbc2 on bookworm", () => {
    const text = "ImportError: libodbc.so.2: cannot open shared object file: No such file or directory\n";
    expect(triageLog(text, "bookworm", TABLES.bookworm).diagnoses[0].packages).toEqual(["libodbc2"]);
    expect(triageLog(text, "bullseye", TABLES.bullseye).diagnoses[0].packages).toEqual(["libodbc1"]);
  });
  it("Alpine: Debian's answer mapped to apk names", () => {
    expect(first("pg_config", "alpine").packages).toEqual(["libpq-dev"]);
  });
  it("nothing to say about a clean log", () => {
    expect(triageLog("Successfully installed flask-3.1.0\n", "bookworm", TABLES.bookworm).diagnoses).toEqual([]);
  });
  it("hostile logs: capped, and linear on long lines", () => {
    const long = "a".repeat(MAX_LOG_BYTES * 2) + "\nImportError: libpq.so.5: cannot open shared object file\n";
    expect(triageLog(long, "bookworm", TABLES.bookworm).diagnoses[0].packages).toEqual(["libpq5"]);
    const t = performance.now();
    triageLog(("x: ".repeat(2000) + "-".repeat(2000) + "\n").repeat(100), "bookworm", TABLES.bookworm);
    triageLog("fatal error: " + "a/".repeat(100_000), "bookworm", TABLES.bookworm);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});
