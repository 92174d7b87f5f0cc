import type { ReactNode } from "react";
import { sectionTitle, type SectionId } from "./sections";

export function Section({ id, description, children }: { id: SectionId; description?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 border-t border-border py-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
        {sectionTitle(id)}
      </h2>
      {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      <div className="mt-4 space-y-5">{children}</div>
    </section>
  );
}
