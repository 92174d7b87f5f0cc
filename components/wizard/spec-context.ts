"use client";

import { createContext, useContext } from "react";
import type { BuildSpec } from "@/lib/spec";

/**
 * The last valid spec, for the few controls deep in a section that judge against it (the package suggestions,
 * a new system package). A context, so a valid edit re-renders those controls, not every section around them.
 */
export const SpecContext = createContext<BuildSpec | null>(null);

export function useSpec(): BuildSpec {
  const spec = useContext(SpecContext);
  if (!spec) throw new Error("useSpec outside the wizard");
  return spec;
}
