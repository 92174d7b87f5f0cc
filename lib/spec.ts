/**
 * The build spec: what a user chose. Every face (page, CLI, HTTP route, share link) decodes into this and nothing
 * else. The fields, their grammars, limits, defaults and cross-field rules are declared in lib/spec/fields.ts; this
 * module compiles them into the zod schema when the engine loads.
 *
 * Rules of this file:
 * - Every string a user supplies is checked against a strict grammar (lib/spec/grammars.ts), so nothing that
 *   reaches the renderer can carry a newline, a shell metacharacter it should not, or a quote
 *   that breaks out of its instruction. The renderer quotes again anyway (defence in depth).
 * - Enums only grow (append-only), so old share links keep decoding.
 * - Browser-safe: no Node APIs.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { REFUSED_VARIANTS, VARIANT_IDS } from "./knowledge/python-images";
import { FIELDS, REQUIREMENT, getAt, type Field, type Rule, type RuleIssue, type SpecInputOf, type SpecOf } from "./spec/fields";
import type { InOf, OutOf, ValueDesc } from "./spec/values";

// zod/mini: the same validation core as zod's classic API (same checks, same messages with the English locale set
// below), written as functions, so the page's engine chunk carries far less of it and builds the schema faster.
z.config(en());
// The page's Content-Security-Policy forbids eval (lib/http/security-headers.ts), so zod's JIT can never run in the
// browser; jitless also skips zod's `Function("")` probe, which the browser reports as a CSP violation even though
// zod catches the error. Node (server, CLI, tests) keeps the JIT.
if (typeof window !== "undefined") z.config({ jitless: true });

export {
  ABSOLUTE_PATH,
  ALPINE_PACKAGE,
  CONTEXT_PATH,
  DEBIAN_PACKAGE,
  ENV_NAME,
  HASH,
  HTTP_PATH,
  MARKER,
  PEP508_NAME,
  SAFE_TEXT,
  USER_NAME,
  VERSION_SPECIFIER,
} from "./spec/grammars";
// Limits, option tables and the final-image rule live in spec-options.ts (no zod: the page's first load imports them).
export { COMMAND_HELPERS, DEPENDENCY_SOURCES, LIMITS, PLATFORMS, STRATEGIES, finalBaseProblem } from "./spec-options";
export type { DependencySourceId, Platform, StrategyId } from "./spec-options";

// ---------------------------------------------------------------------------------------------
// The schema, compiled from the field declarations (lib/spec/fields.ts)
// ---------------------------------------------------------------------------------------------

function compile(v: ValueDesc): z.core.SomeType {
  switch (v.kind) {
    case "choice":
      return z.enum(v.options as [string, ...string[]], v.message === undefined ? undefined : { message: v.message });
    case "variant":
      return z.string().check(
        z.superRefine((s, ctx) => {
          // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
          if (Object.hasOwn(REFUSED_VARIANTS, s)) ctx.addIssue({ code: "custom", message: REFUSED_VARIANTS[s] });
          else if (!(VARIANT_IDS as readonly string[]).includes(s)) ctx.addIssue({ code: "custom", message: `unknown image variant; one of ${VARIANT_IDS.join(", ")}` });
        }),
      );
    case "text": {
      // The length first, so an overlong text is not matched against the grammar for nothing.
      const checks = [
        ...(v.max === undefined ? [] : [z.maxLength(v.max, v.maxMessage)]),
        z.regex(v.pattern, v.message),
        ...(v.min === undefined ? [] : [z.minLength(v.min, v.minMessage)]),
      ];
      return z.string().check(...checks);
    }
    case "bool":
      return z.boolean();
    case "int":
      return z.number().check(z.int(), z.gte(v.min), z.lte(v.max));
    case "nullable":
      return z.nullable(compile(v.of));
    case "optional":
      return z.optional(compile(v.of));
    case "default":
      return z._default(compile(v.of), v.value as never);
    case "list":
      return z.array(compile(v.of)).check(...(v.min === undefined ? [] : [z.minLength(v.min, v.minMessage)]), z.maxLength(v.max, v.message));
    case "object":
      return z.object(Object.fromEntries(Object.entries(v.shape).map(([k, of]) => [k, compile(of)])));
  }
}

const fieldSchema = (f: Field) => ("default" in f ? z._default(compile(f.value), f.default as never) : compile(f.value));

/** A group ("runtime": its fields "runtime.*"); it may be left out, so each of its fields needs a default. */
function groupSchema(fields: Field[]): z.core.SomeType {
  const key = (f: Field) => f.path.slice(f.path.indexOf(".") + 1);
  for (const f of fields) if (!("default" in f)) throw new Error(`${f.path}: a field in a group needs a default`);
  return z._default(
    z.object(Object.fromEntries(fields.map((f) => [key(f), fieldSchema(f)]))),
    Object.fromEntries(fields.map((f) => [key(f), "default" in f ? f.default : undefined])) as never,
  );
}

function specSchema(): z.core.SomeType {
  // The top-level keys in declaration order, each a field or a group of fields.
  const members = new Map<string, Field[]>();
  for (const f of FIELDS) {
    const name = f.path.split(".")[0];
    members.set(name, [...(members.get(name) ?? []), f]);
  }
  const shape = Object.fromEntries([...members].map(([name, fields]) => [name, fields[0].path === name ? fieldSchema(fields[0]) : groupSchema(fields)]));
  return z.object(shape).check(
    z.superRefine((spec, ctx) => {
      for (const f of FIELDS) {
        for (const rule of ("rules" in f ? f.rules : []) as readonly Rule[]) {
          const check = rule.check as (...values: unknown[]) => readonly RuleIssue[];
          for (const issue of check(getAt(spec, f.path), ...rule.reads.map((p) => getAt(spec, p))))
            ctx.addIssue({ code: "custom", path: [...f.path.split("."), ...(issue.at ?? [])], message: issue.message });
        }
      }
    }),
  );
}

export const RequirementSchema = compile(REQUIREMENT) as z.ZodMiniType<OutOf<typeof REQUIREMENT>, InOf<typeof REQUIREMENT>>;
export type Requirement = z.infer<typeof RequirementSchema>;

export type BuildSpec = SpecOf;
export type BuildSpecInput = SpecInputOf;
export const BuildSpecSchema = specSchema() as z.ZodMiniType<BuildSpec, BuildSpecInput>;

export const DEFAULT_SPEC: BuildSpec = BuildSpecSchema.parse({
  python: "3.14",
  base: "slim-trixie",
  strategy: "uv",
  packages: [{ name: "flask" }, { name: "gunicorn" }, { name: "psycopg2" }],
  runtime: {
    command: ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"],
    port: 8000,
  },
});

// ---------------------------------------------------------------------------------------------
// Decoding: never throws; keeps the field paths of every problem.
// ---------------------------------------------------------------------------------------------

export interface SpecIssue {
  /** Dotted path of the field, e.g. "runtime.env.0.value". */
  field: string;
  message: string;
}

export type DecodeResult = { ok: true; spec: BuildSpec } | { ok: false; issues: SpecIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".") || "spec";
}

export function parseSpec(input: unknown): DecodeResult {
  const r = BuildSpecSchema.safeParse(input);
  if (r.success) return { ok: true, spec: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ field: formatPath(i.path), message: i.message })) };
}
