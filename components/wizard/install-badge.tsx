import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { InstallKind } from "@/lib/resolve";

const KINDS: Record<InstallKind, { label: string; tone: BadgeTone }> = {
  wheel: { label: "wheel", tone: "success" },
  source: { label: "compiled", tone: "warning" },
  pure: { label: "pure Python", tone: "neutral" },
  unknown: { label: "unknown", tone: "neutral" },
};

/** How a package installs; `derived`: known from Debian's data alone, which says it is compiled but not whether a wheel exists. */
export function InstallBadge({ kind, derived = false }: { kind: InstallKind; derived?: boolean }) {
  const label = derived && kind === "source" ? "compiled (from Debian's data)" : KINDS[kind].label;
  return <Badge tone={KINDS[kind].tone}>{label}</Badge>;
}

/** The dependencies whose system packages a package brings along ("via python-ldap"). */
export function CarriesBadge({ carries }: { carries?: readonly string[] }) {
  if (!carries?.length) return null;
  return <Badge tone="info">via {carries.join(", ")}</Badge>;
}
