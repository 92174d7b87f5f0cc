/**
 * The one schema every curated entry (lib/knowledge/packages/<name>.json) must satisfy.
 *
 * Only tests and scripts import this file: the entries are validated when they change, not in the browser, so the
 * page and the engine load them as plain JSON (lib/knowledge/index.ts) and zod stays out of what the page loads
 * first. The compile-time check at the bottom keeps the schema and the PackageKnowledge type in step.
 */
import * as z from "zod/mini";
import { TARGETS, type PackageKnowledge } from "./types";

/** Debian policy 5.6.7 (lowercase letters, digits, + - .); apk names may also carry "_". */
const SYSTEM_PACKAGE = /^[a-z0-9][a-z0-9+._-]*$/;
/** PEP 503 normalised name. */
const NORMALISED = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PYTHON_MINOR = /^3\.\d{1,2}$/;
/** A PEP 440 public version as releases are named on PyPI (1.2.3, 2.0.0rc1, 1.0.post1). */
const RELEASE = /^\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$/;

const text = z.string().check(z.minLength(1));
const packageList = z.array(z.string().check(z.regex(SYSTEM_PACKAGE, "not a Debian/Alpine package name")));
const perTarget = z.strictObject(Object.fromEntries(TARGETS.map((t) => [t, packageList])) as Record<(typeof TARGETS)[number], typeof packageList>);
const byArch = z.strictObject({ x86_64: z.boolean(), aarch64: z.boolean() });
const release = z.string().check(z.regex(RELEASE, "not a release version such as 10.0.0"));

export const SystemNeedSchema = z.strictObject({
  stage: z.enum(["build", "runtime"]),
  when: z.enum(["source", "always"]),
  packages: perTarget,
  why: text,
});

export const WheelHistorySchema = z.strictObject({
  python: z.record(z.string().check(z.regex(PYTHON_MINOR, "not a CPython minor such as 3.12")), release),
  platforms: z.optional(z.partialRecord(z.enum(["manylinux-x86_64", "manylinux-aarch64", "musllinux-x86_64", "musllinux-aarch64"]), release)),
});

export const PackageKnowledgeSchema = z.strictObject({
  name: z.string().check(z.regex(NORMALISED, "not a PEP 503 normalised name")),
  display: text,
  summary: text,
  modules: z.optional(z.array(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "not a Python module name")))),
  toolchains: z.array(z.enum(["c", "c++", "fortran", "rust"])),
  needs: z.array(SystemNeedSchema),
  wheels: z.strictObject({
    manylinux: byArch,
    musllinux: byArch,
    python: z.strictObject({ min: z.string().check(z.regex(PYTHON_MINOR)), max: z.string().check(z.regex(PYTHON_MINOR)) }),
    pure: z.optional(z.boolean()),
    history: z.optional(WheelHistorySchema),
  }),
  binaryExtra: z.optional(text),
  extras: z.optional(
    z.record(
      z.string().check(z.regex(NORMALISED, "not a PEP 503 normalised extra name")),
      z.strictObject({ requires: z.array(z.string().check(z.regex(NORMALISED))).check(z.minLength(1)), why: text }),
    ),
  ),
  notes: z.array(text),
  sources: z.array(text).check(z.minLength(1)),
});

// The schema and the hand-written type must describe the same shape, both ways.
type Parsed = z.infer<typeof PackageKnowledgeSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const SCHEMA_MATCHES_TYPE: Same<Parsed, PackageKnowledge> = true;
void SCHEMA_MATCHES_TYPE;
