import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { InstallKind } from "@/lib/resolve";

const KINDS: Record<InstallKind, { label: string; tone: BadgeTone }> = {
  wheel: { label: "wheel", tone: "success" },
  source: { label: "compiled", tone: "warning" },
  pure: { label: "pure Python", tone: "neutral" },
  unknown: { label: "unknown", tone: "neutral" },
};

export function InstallBadge({ kind }: { kind: InstallKind }) {
  return <Badge tone={KINDS[kind].tone}>{KINDS[kind].label}</Badge>;
}
