import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** A visible, dismissible message about something the page did on its own. */
export function NoticeBanner({ title, children, onDismiss }: { title: string; children: ReactNode; onDismiss: () => void }) {
  return (
    <div role="status" className="flex items-start justify-between gap-3 rounded-md border border-warning-border bg-warning-soft p-3 text-sm">
      <div className="min-w-0">
        <p className="font-semibold text-warning">{title}</p>
        <div className="mt-0.5 text-foreground">{children}</div>
      </div>
      <Button size="sm" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
