import type { ModelInstruction } from "./model";
import type { Rule, RuleHit } from "./types";

/** Names that hold a secret: *_TOKEN, *_KEY, *PASSWORD*, *SECRET* … but not a file path to one (*_FILE, *_PATH). */
export function secretName(name: string): boolean {
  const n = name.toUpperCase();
  if (/_(FILE|PATH|DIR|ID|NAME|URL_FILE)$/.test(n)) return false;
  return /(^|_)(TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?|PRIVATE_KEY)($|_)|_KEY$|^KEY$|API_?KEY/.test(n);
}

function names(i: ModelInstruction): string[] {
  if (i.keyword === "ARG") return i.words.map((w) => w.split("=")[0]);
  // ENV a=b c=d, or the legacy ENV name value.
  return i.words.some((w) => w.includes("=")) ? i.words.filter((w) => w.includes("=")).map((w) => w.split("=")[0]) : i.words.slice(0, 1);
}

export const secretsInEnv: Rule = {
  id: "secrets-in-env",
  severity: "error",
  title: "No secrets in ENV or ARG (they stay in the image's history).",
  refs: { buildkit: ["SecretsUsedInArgOrEnv"], trivy: ["DS031"] },
  differs: "An error, not a warning: a value given this way is readable by anyone who pulls the image. Use RUN --mount=type=secret.",
  dockerfile({ file }) {
    const hits: RuleHit[] = [];
    for (const i of [...file.globalArgs, ...file.stages.flatMap((s) => s.instructions)]) {
      if (i.keyword !== "ENV" && i.keyword !== "ARG") continue;
      for (const n of names(i))
        if (secretName(n)) hits.push({ line: i.line, message: `${i.keyword} ${n} looks like a secret: ${i.keyword} values stay in the image's metadata and history. Pass it with RUN --mount=type=secret, or at run time.` });
    }
    return hits;
  },
};
