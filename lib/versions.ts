/**
 * PEP 440 versions and specifiers: their order, and whether a version satisfies a specifier. Pure, browser-safe and
 * small on purpose: the page's first load reads it (the spec's requires-python rule) without the marker evaluator
 * (lib/markers.ts) or the wheel decisions (lib/knowledge/wheels.ts) that build on it.
 */

const PEP440 = /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:(?:-(\d+))|(?:[-_.]?(?:post|rev|r)[-_.]?(\d*)))?(?:[-_.]?dev[-_.]?(\d*))?(?:\+[a-z0-9.]+)?$/i;
const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

/** A sort key for a PEP 440 version, or undefined when it is not one (=== allows any string). */
function versionKey(v: string): number[] | undefined {
  const m = v.trim().match(PEP440);
  if (!m) return undefined;
  const [, epoch, release, preType, preN, postImplicit, postN, devN] = m;
  const parts = release.split(".").map(Number);
  while (parts.length > 1 && parts[parts.length - 1] === 0) parts.pop();
  const hasPost = postImplicit !== undefined || postN !== undefined;
  const hasDev = devN !== undefined;
  // Phase: a dev release of a final version sorts before its pre-releases, which sort before the final.
  const phase = preType ? [1, PRE_RANK[preType.toLowerCase()], Number(preN || 0)] : hasDev && !hasPost ? [0, 0, 0] : [2, 0, 0];
  const post = hasPost ? Number(postImplicit ?? (postN || 0)) : -1;
  const dev = hasDev ? Number(devN || 0) : Number.MAX_SAFE_INTEGER;
  // Release segments padded so that keys compare element by element.
  const padded = [...parts, ...Array(Math.max(0, 12 - parts.length)).fill(0)].slice(0, 12);
  return [Number(epoch ?? 0), ...padded, ...phase, post, dev];
}

/** PEP 440 order: negative when a < b, 0 when equal, positive when a > b; undefined when either is not a version. */
export function compareVersions(a: string, b: string): number | undefined {
  const ka = versionKey(a);
  const kb = versionKey(b);
  if (!ka || !kb) return undefined;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return 0;
}

/** A version compared with `op` to `rhs`; undefined when it cannot be told. */
export function compareVersionOp(lhs: string, op: string, rhs: string): boolean | undefined {
  if (op === "===") return lhs === rhs;
  if ((op === "==" || op === "!=") && rhs.endsWith(".*")) {
    const prefix = rhs.slice(0, -2).split(".");
    const matches = prefix.every((p, i) => lhs.split(".")[i] === p);
    return op === "==" ? matches : !matches;
  }
  if (op === "~=") {
    const parts = rhs.split(".");
    if (parts.length < 2) return undefined;
    const atLeast = compareVersions(lhs, rhs);
    if (atLeast === undefined) return undefined;
    const prefix = parts.slice(0, -1);
    return atLeast >= 0 && prefix.every((p, i) => lhs.split(".")[i] === p);
  }
  const c = compareVersions(lhs, rhs);
  if (c === undefined) return op === "==" ? lhs === rhs : op === "!=" ? lhs !== rhs : undefined;
  switch (op) {
    case "==": return c === 0;
    case "!=": return c !== 0;
    case "<": return c < 0;
    case "<=": return c <= 0;
    case ">": return c > 0;
    case ">=": return c >= 0;
  }
  return undefined;
}

/** Whether a version satisfies a PEP 440 specifier (">=3.9,<3.12"); undefined when a clause cannot be read. */
export function specifierContains(version: string, specifier: string): boolean | undefined {
  let all: boolean | undefined = true;
  for (const clause of specifier.split(",")) {
    const m = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*(\S+?)\s*$/.exec(clause);
    if (!m) return undefined;
    const r = compareVersionOp(version, m[1], m[2]);
    if (r === false) return false;
    if (r === undefined) all = undefined;
  }
  return all;
}
