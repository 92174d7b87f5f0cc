"use client";

import { memo, useEffect, useState } from "react";
import { SECTIONS } from "./sections";

/** The stepper on wide screens: links to each section, the one in view marked as current. */
export const SectionNav = memo(function SectionNav({ className = "" }: { className?: string }) {
  const [current, setCurrent] = useState<string>(SECTIONS[0].id);

  // The current section is the last one whose top has scrolled above a line near the top of the window.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const line = window.innerHeight * 0.3;
      let id: string = SECTIONS[0].id;
      // The output sits beside the form on wide screens (always in view): only form sections count.
      for (const sec of SECTIONS.filter((x) => x.id !== "output")) {
        const el = document.getElementById(sec.id);
        if (el && el.getBoundingClientRect().top <= line && el.offsetParent !== null) id = sec.id;
      }
      // At the very bottom, the last section is current even if its top never reaches the line.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) id = SECTIONS[SECTIONS.length - 2].id;
      setCurrent(id);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  return (
    <nav aria-label="Sections" className={className}>
      <ol className="space-y-1 text-sm">
        {SECTIONS.map((s, i) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              aria-current={current === s.id ? "step" : undefined}
              className="flex items-center gap-2 rounded-md px-2 py-1.5 text-muted-foreground hover:bg-muted hover:text-foreground aria-[current=step]:bg-accent-soft aria-[current=step]:font-semibold aria-[current=step]:text-foreground"
            >
              <span aria-hidden="true" className="grid size-5 shrink-0 place-items-center rounded-full border border-input text-xs">
                {i + 1}
              </span>
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
});
