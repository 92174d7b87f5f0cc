/** The files the wizard offers (preview tabs, downloads, the zip): one list, so they always agree. */
import { renderCompose } from "../render/compose";
import type { Highlight } from "../render/printed";
import type { BuildSpec } from "../spec";
import type { OutputView } from "./output";

export type PreviewLanguage = "dockerfile" | "ignore" | "yaml" | "plaintext";

/** A generated file as the page shows and offers it. */
export interface PreviewFile {
  name: string;
  text: string;
  language: PreviewLanguage;
  /** How to highlight the text, from its printer; without it the preview tokenises the text. */
  highlight?: Highlight;
}

export function outputFiles(
  spec: Pick<BuildSpec, "dependencySource" | "runtime">,
  g: Pick<OutputView, "dockerfile" | "dockerfileHighlight" | "dockerignore" | "requirements">,
): PreviewFile[] {
  const files: PreviewFile[] = [
    { name: "Dockerfile", text: g.dockerfile, language: "dockerfile", highlight: g.dockerfileHighlight },
    { name: ".dockerignore", text: g.dockerignore, language: "ignore" },
    // Depends only on the spec's runtime (port, health check), so it is rendered here, like the .dockerignore.
    { name: "compose.yaml", text: renderCompose({ spec }), language: "yaml" },
  ];
  // The packages were typed in: the build context needs them as requirements.txt.
  if (spec.dependencySource === "requirements" && g.requirements !== "")
    files.push({ name: "requirements.txt", text: g.requirements, language: "plaintext" });
  return files;
}
