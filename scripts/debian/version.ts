/** Debian version comparison: dpkg's algorithm (deb-version(7)), and relation operators over it. */

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
/** dpkg's character order: "~" before everything (even the end), letters before other characters. */
function order(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if ((c >= "A" && c <= "Z") || (c >= "a" && c <= "z")) return c.charCodeAt(0);
  if (c === "~") return -1;
  return c.charCodeAt(0) + 256;
}
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === "0") i++;
    while (b[j] === "0") j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}
function splitVersion(v: string): [number, string, string] {
  let epoch = 0;
  let rest = v;
  const colon = v.indexOf(":");
  if (colon >= 0) {
    epoch = Number(v.slice(0, colon));
    rest = v.slice(colon + 1);
  }
  const dash = rest.lastIndexOf("-");
  return dash >= 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ""];
}

/** dpkg --compare-versions: negative, zero or positive. */
export function compareDebianVersions(a: string, b: string): number {
  const [ea, ua, ra] = splitVersion(a);
  const [eb, ub, rb] = splitVersion(b);
  if (ea !== eb) return ea - eb;
  return verrevcmp(ua, ub) || verrevcmp(ra, rb);
}

/** Whether `version` meets a relation "(op wanted)"; no operator means any version. "<" and ">" are the obsolete <= and >=. */
export function satisfies(version: string, op: string | undefined, wanted: string | undefined): boolean {
  if (!op || wanted === undefined) return true;
  const c = compareDebianVersions(version, wanted);
  switch (op) {
    case "<<": return c < 0;
    case "<=": case "<": return c <= 0;
    case "=": return c === 0;
    case ">=": case ">": return c >= 0;
    case ">>": return c > 0;
    default: return true;
  }
}
