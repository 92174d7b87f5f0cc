import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, unzipStore, zipStore } from "./zip";

const enc = new TextEncoder();

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(enc.encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe("zipStore", () => {
  const files = [
    { name: "Dockerfile", data: "FROM python:3.13-slim-trixie\n" },
    { name: ".dockerignore", data: ".git\n" },
    { name: "requirements.txt", data: "psycopg2\nnümpy\n" },
  ];

  it("round-trips through its own reader", () => {
    const out = unzipStore(zipStore(files));
    expect([...out.keys()]).toEqual(files.map((f) => f.name));
    for (const f of files) expect(new TextDecoder().decode(out.get(f.name))).toBe(f.data);
  });

  it("writes a valid end record and local headers", () => {
    const zip = zipStore(files, new Date(2026, 10, 22, 10, 30, 20));
    const v = new DataView(zip.buffer);
    expect(v.getUint32(0, true)).toBe(0x04034b50);
    expect(v.getUint16(8, true)).toBe(0); // stored
    expect(v.getUint16(10, true)).toBe((10 << 11) | (30 << 5) | 10);
    expect(v.getUint16(12, true)).toBe((46 << 9) | (11 << 5) | 22);
    expect(v.getUint32(zip.length - 22, true)).toBe(0x06054b50);
    // Stored: the bytes follow the 30-byte header and the 10-byte name unchanged.
    expect(new TextDecoder().decode(zip.subarray(40, 40 + files[0].data.length))).toBe(files[0].data);
  });

  it("is read by unzip(1) when it is installed", () => {
    let hasUnzip = true;
    try {
      execFileSync("unzip", ["-v"], { stdio: "ignore" });
    } catch {
      hasUnzip = false;
    }
    if (!hasUnzip) return;
    const dir = mkdtempSync(join(tmpdir(), "zip-"));
    writeFileSync(join(dir, "a.zip"), zipStore(files));
    execFileSync("unzip", ["-q", "a.zip", "-d", "out"], { cwd: dir });
    expect(readFileSync(join(dir, "out", "requirements.txt"), "utf8")).toBe(files[2].data);
  });
});
