/**
 * The wizard's sections, in page order: the nav and the page headings read from here.
 * `rem`: the height the section is given while it is off screen and not rendered (content-visibility: auto, see
 * section.tsx): a little more than its default content on a 412 px phone, its tallest layout (strategy 629 px,
 * dependencies 1128, system 669, runtime 856, advanced 851). Never less than the content, so
 * nothing measured inside a section that is not rendered yet lands on the next one. The first two sections are
 * always rendered: they start within the viewport or just below it (where content-visibility renders them anyway,
 * and a placeholder that then shrinks would pull the next section into range: one more layout per section).
 */
export const SECTIONS = [
  { id: "presets", title: "Start from a preset", rem: null },
  { id: "image", title: "Python and base image", rem: null },
  { id: "strategy", title: "Install strategy", rem: 42 },
  { id: "dependencies", title: "Dependencies", rem: 72 },
  { id: "system", title: "System packages", rem: 44 },
  { id: "runtime", title: "Runtime", rem: 56 },
  { id: "advanced", title: "Advanced", rem: 56 },
  { id: "output", title: "Dockerfile", rem: null },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];

export function sectionTitle(id: SectionId): string {
  return SECTIONS.find((s) => s.id === id)!.title;
}

/** The height a section is given while it is off screen (see SECTIONS), in rem, or null: always rendered. */
export function sectionPlaceholderRem(id: SectionId): number | null {
  return SECTIONS.find((s) => s.id === id)!.rem;
}
