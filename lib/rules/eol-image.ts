import { pythonInfo } from "../knowledge/python-images";
import type { Plan } from "../resolve";
import { pythonImage } from "./model";
import type { Rule, RuleHit } from "./types";

const EOL_DEBIAN = ["jessie", "stretch", "buster"];

/** Why a Python image is past its end of life, or null. */
export function eolReason(image: string): string | null {
  const p = pythonImage(image);
  if (!p) return null;
  const release = EOL_DEBIAN.find((r) => (p.variant ?? "").includes(r));
  if (release) return `Debian ${release} no longer gets security updates and the official image is no longer rebuilt`;
  if (!p.version) return null;
  const info = pythonInfo(p.version);
  const [major, minor] = p.version.split(".").map(Number);
  if (info?.status === "end-of-life") return `Python ${p.version} reached its end of life on ${info.endOfLife}`;
  if (!info && major === 3 && minor < 8) return `Python ${p.version} is long past its end of life`;
  return null;
}

export const eolImage: Rule = {
  id: "eol-image",
  severity: "warning",
  title: "No end-of-life base image (Python or Debian release).",
  refs: {},
  dockerfile({ file }) {
    const hits: RuleHit[] = [];
    for (const s of file.stages) {
      const why = eolReason(s.image);
      if (why) hits.push({ line: s.from.line, message: `${s.image}: ${why}. Move to a supported Python on a current release (e.g. python:3.13-slim-trixie).` });
    }
    return hits;
  },
  plan(plan: Plan) {
    const why = eolReason(plan.final.image) ?? eolReason(plan.builder.image);
    return why ? [{ line: 0, message: `${why}. Move to 3.13 or newer.` }] : [];
  },
};
