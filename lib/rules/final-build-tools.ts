import type { Plan } from "../resolve";
import { finalStage } from "./model";
import { systemInstalls } from "./installs";
import type { Rule } from "./types";

const COMPILERS = new Set(["gcc", "g++", "clang", "build-essential", "build-base", "make", "cmake", "gfortran", "cargo", "rustc", "musl-dev"]);

export function buildOnly(pkg: string): boolean {
  return COMPILERS.has(pkg) || /-dev$/.test(pkg) || /^python3?-dev$/.test(pkg);
}

export const finalBuildTools: Rule = {
  id: "final-build-tools",
  severity: "warning",
  title: "No compiler or -dev package in the final stage.",
  refs: {},
  dockerfile({ file }) {
    const stage = finalStage(file);
    if (!stage) return [];
    return systemInstalls(stage).flatMap((s) => {
      const found = s.packages.filter(buildOnly);
      return found.length ? [{ line: s.instruction.line, message: `The final image installs ${found.join(", ")}: compilers and headers belong in a builder stage; the final stage needs only the runtime libraries.` }] : [];
    });
  },
  plan(plan: Plan) {
    const found = plan.final.systemPackages.map((p) => p.name).filter(buildOnly);
    return found.length ? [{ line: 0, message: `The final image installs ${found.join(", ")}: compilers and headers belong in the builder stage.` }] : [];
  },
};
