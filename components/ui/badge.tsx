import type { ReactNode } from "react";

const TONES = {
  neutral: "border-border bg-muted text-muted-foreground",
  accent: "border-accent bg-accent-soft text-foreground",
  info: "border-info bg-info-soft text-info",
  success: "border-success bg-success-soft text-success",
  warning: "border-warning-border bg-warning-soft text-warning",
  danger: "border-danger bg-danger-soft text-danger",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", children, className = "" }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded border px-1.5 py-px text-xs font-medium ${TONES[tone]} ${className}`}>
      {children}
    </span>
  );
}
