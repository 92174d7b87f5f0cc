/** The wizard's sections, in page order: the nav and the page headings read from here. */
export const SECTIONS = [
  { id: "presets", title: "Start from a preset" },
  { id: "image", title: "Python and base image" },
  { id: "strategy", title: "Install strategy" },
  { id: "dependencies", title: "Dependencies" },
  { id: "system", title: "System packages" },
  { id: "runtime", title: "Runtime" },
  { id: "advanced", title: "Advanced" },
  { id: "output", title: "Dockerfile" },
] as const;

export type SectionId = (typeof SECTIONS)[number]["id"];

export function sectionTitle(id: SectionId): string {
  return SECTIONS.find((s) => s.id === id)!.title;
}
