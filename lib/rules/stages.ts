/** Stage facts the rules share: the Python image a stage starts from (through FROM <stage>), its program. */
import { pythonInfo } from "../knowledge/python-images";
import { pythonImage, stageNamed, type DockerfileModel, type ModelInstruction, type Stage } from "./model";

/** The image a stage finally starts from: FROM base, where base is an earlier stage, follows that stage. */
export function baseImage(model: DockerfileModel, stage: Stage): string {
  let s: Stage | undefined = stage;
  for (let hops = 0; s && hops <= model.stages.length; hops++) {
    const earlier = stageNamed(model, s.image);
    if (!earlier || earlier.index >= s.index) return s.image;
    s = earlier;
  }
  return stage.image;
}

export type ImageKind = "slim" | "alpine" | "full" | "other";

export function imageKind(image: string): ImageKind {
  const p = pythonImage(image);
  if (!p) return "other";
  const v = p.variant ?? "";
  if (v.includes("alpine")) return "alpine";
  if (v.includes("slim")) return "slim";
  return "full";
}

/** The Debian release (or alpine) whose package names apply to an image; buster reads as bullseye, the oldest we know. */
export function imageTarget(image: string): "bullseye" | "bookworm" | "trixie" | "alpine" | null {
  const p = pythonImage(image);
  if (!p) return null;
  const v = p.variant ?? "";
  if (v.includes("alpine")) return "alpine";
  if (v.includes("trixie")) return "trixie";
  if (v.includes("bookworm")) return "bookworm";
  if (v.includes("bullseye") || v.includes("buster") || v.includes("stretch")) return "bullseye";
  // No release in the tag: the official image's current default (trixie); images last built before trixie, bookworm.
  const info = p.version ? pythonInfo(p.version) : undefined;
  return info && !info.variants.includes("slim-trixie") && !info.legacyVariants.includes("slim-trixie") ? "bookworm" : "trixie";
}

/** The program a CMD/ENTRYPOINT/HEALTHCHECK runs: the first word (a path's basename), or null when unknown. */
export function programOf(i: ModelInstruction): { program: string; argv: string[] } | null {
  let argv = i.argv;
  if (!argv) {
    const text = i.keyword === "HEALTHCHECK" ? (/(?:^|\s)CMD\s+(.*)$/is.exec(i.text)?.[1] ?? "") : i.text;
    argv = text.trim().split(/\s+/).filter(Boolean);
  }
  if (argv.length >= 3 && /(^|\/)(ba)?sh$/.test(argv[0]) && argv[1] === "-c") argv = argv[2].trim().split(/\s+/);
  while (argv.length && (/^[A-Z_][A-Z0-9_]*=/.test(argv[0]) || argv[0] === "exec")) argv = argv.slice(1);
  if (!argv.length) return null;
  const program = argv[0].replace(/^["']|["']$/g, "");
  return { program: program.slice(program.lastIndexOf("/") + 1), argv };
}

/** The command the final stage runs: its last ENTRYPOINT, else its last CMD (inherited stages not followed). */
export function finalCommand(stage: Stage): ModelInstruction | undefined {
  const last = (k: string) => [...stage.instructions].reverse().find((i) => i.keyword === k);
  return last("ENTRYPOINT") ?? last("CMD");
}
