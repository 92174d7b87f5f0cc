/** The files the wizard offers (preview tabs, downloads, the zip): one list, so they always agree. */
import { renderCompose } from "../render/compose";
import type { BuildSpec } from "../spec";
import type { OutputView } from "./output";

export interface OutputFile {
  name: string;
  text: string;
  language: "dockerfile" | "ignore" | "yaml" | "plaintext";
}

export function outputFiles(spec: Pick<BuildSpec, "dependencySource" | "runtime">, g: Pick<OutputView, "dockerfile" | "dockerignore" | "requirements">): OutputFile[] {
  const files: OutputFile[] = [
    { name: "Dockerfile", text: g.dockerfile, language: "dockerfile" },
    { name: ".dockerignore", text: g.dockerignore, language: "ignore" },
    // Depends only on the spec's runtime (port, health check), so it is rendered here, like the .dockerignore.
    { name: "compose.yaml", text: renderCompose({ spec }), language: "yaml" },
  ];
  // The packages were typed in: the build context needs them as requirements.txt.
  if (spec.dependencySource === "requirements" && g.requirements !== "")
    files.push({ name: "requirements.txt", text: g.requirements, language: "plaintext" });
  return files;
}
