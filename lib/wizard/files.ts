/** The files the wizard offers (preview tabs, downloads, the zip): one list, so they always agree. */
import type { Token } from "../render/printed";
import type { BuildSpec } from "../spec";
import type { OutputView } from "./output";

export type PreviewLanguage = "dockerfile" | "ignore" | "plaintext";

/** A generated file as the page shows and offers it. */
export interface PreviewFile {
  name: string;
  text: string;
  language: PreviewLanguage;
  /** The text's highlighting tokens from its printer, line by line; without them the preview tokenises the text. */
  tokens?: readonly (readonly Token[])[];
}

export function outputFiles(
  spec: Pick<BuildSpec, "dependencySource">,
  g: Pick<OutputView, "dockerfile" | "dockerfileTokens" | "dockerignore" | "requirements">,
): PreviewFile[] {
  const files: PreviewFile[] = [
    { name: "Dockerfile", text: g.dockerfile, language: "dockerfile", tokens: g.dockerfileTokens },
    { name: ".dockerignore", text: g.dockerignore, language: "ignore" },
  ];
  // The packages were typed in: the build context needs them as requirements.txt.
  if (spec.dependencySource === "requirements" && g.requirements !== "")
    files.push({ name: "requirements.txt", text: g.requirements, language: "plaintext" });
  return files;
}
