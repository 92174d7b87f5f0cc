/**
 * The page's first-load JavaScript carries only what hydration needs: the engine (zod, the package knowledge,
 * resolve and render, share links, requirements parsing; lib/engine.ts) is loaded with import() after the page is
 * interactive. This walks the static imports of the client entry points (type-only imports and import() are not
 * followed, as the bundler does) and checks that none of the engine's modules is reachable.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRIES = ["components/wizard/wizard.tsx", "app/error.tsx", "app/global-error.tsx", "components/check/check-dockerfile.tsx", "components/check/triage-box.tsx"];

/** Runtime imports of a file: not `import type`, not an import whose every name is a type, not import(). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause;
      const onlyTypes = named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** Every module (relative to the root) and package reachable through runtime imports from `entries`. */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = entries.map((e) => path.join(ROOT, e));
  while (todo.length) {
    const file = todo.pop()!;
    const rel = path.relative(ROOT, file);
    if (seen.has(rel)) continue;
    seen.add(rel);
    if (!/\.tsx?$/.test(file)) continue;
    for (const spec of runtimeImports(file)) {
      const local = resolveLocal(file, spec);
      if (local) todo.push(local);
      else seen.add(`package:${spec}`);
    }
  }
  return seen;
}

describe("first-load JavaScript", () => {
  const modules = reachable(ENTRIES);

  it("finds the wizard's modules (the walk works)", () => {
    expect(modules).toContain("components/wizard/use-wizard.ts");
    expect(modules).toContain("lib/wizard/state.ts");
    expect(modules).toContain("lib/presets/catalog.ts");
    expect(modules).toContain("package:react");
  });

  it("does not reach zod, the package knowledge or any other part of the engine", () => {
    const engine = [
      "package:zod",
      "package:smol-toml",
      "lib/engine.ts",
      "lib/spec.ts",
      "lib/share.ts",
      "lib/spec/share-codecs.ts",
      "lib/presets.ts",
      "lib/requirements.ts",
      "lib/pyproject.ts",
      "lib/resolve.ts",
      "lib/generate.ts",
      "lib/generate-files.ts",
      "lib/estimate.ts",
      "lib/render/dockerfile.ts",
      "lib/knowledge/index.ts",
      "lib/wizard/evaluate.ts",
      "lib/wizard/suggest.ts",
      // The check page's audit and triage (lib/check.ts, loaded with import() at the first check).
      "package:dockerfile-ast",
      "lib/check.ts",
      "lib/rules/parse.ts",
      "lib/rules/audit.ts",
      "lib/triage/triage.ts",
    ];
    expect([...modules].filter((m) => engine.includes(m) || m.startsWith("lib/knowledge/packages/") || m.endsWith(".json"))).toEqual([]);
  });
});
