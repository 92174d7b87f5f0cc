import type { ReactNode } from "react";
import { sectionPlaceholderRem, sectionTitle, type SectionId } from "./sections";

export function Section({ id, description, children }: { id: SectionId; description?: ReactNode; children: ReactNode }) {
  // A section off screen is neither styled, laid out nor painted until it comes near the viewport: at load on a
  // phone that is most of the page (the first layout has half the boxes). It keeps its last rendered height after.
  const rem = sectionPlaceholderRem(id);
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 border-t border-border py-6"
      style={rem === null ? undefined : { contentVisibility: "auto", containIntrinsicSize: `auto ${rem}rem` }}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold tracking-tight">
        {sectionTitle(id)}
      </h2>
      {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      <div className="mt-4 space-y-5">{children}</div>
    </section>
  );
}
