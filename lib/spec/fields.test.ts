/**
 * Every declared field, walked through every face derived from its declaration: the schema, the share link
 * (readable and compact), the wizard draft, the labels and the CLI must agree on it.
 */
import { describe, expect, it } from "vitest";
import { CliError, USAGE, specFromFlags } from "../../cli/main";
import { fieldLabel } from "../../components/wizard/field-labels";
import { LINK_BASELINE, PARAMS, encodeShare, searchParamsToSpec } from "../share";
import { BuildSpecSchema, DEFAULT_SPEC, parseSpec, type BuildSpec } from "../spec";
import { draftToInput, restoreDraft, specToDraft } from "../wizard/draft";
import { FIELDS, getAt, setAt, type FieldPath } from "./fields";
import { formatRequirement } from "./share-codecs";

/** A valid value other than the baseline's, for every field (the type makes a new field need one). */
const SAMPLES: { [P in FieldPath]: unknown } = {
  python: "3.12",
  base: "slim-bookworm",
  finalBase: "trixie",
  strategy: "venv",
  dependencySource: "poetry-lock",
  packages: [
    { name: "numpy", extras: [], specifier: "==2.1", hashes: [] },
    { name: "psycopg", extras: ["binary"], specifier: ">=3,<4", hashes: [] },
  ],
  buildFromSource: true,
  noBinary: ["pyodbc", "lxml"],
  onlyBinary: [":all:"],
  findLinks: ["https://download.example.org/wheels/"],
  requiresPython: ">=3.10",
  gitPackages: ["mylib"],
  projectExtras: ["postgres"],
  indexUrl: "https://pypi.example.org/simple",
  extraIndexUrls: ["https://extra.example.org:8443/simple/"],
  trustedHosts: ["pypi.example.org"],
  pre: true,
  "systemPackages.build": ["libpq-dev", "gcc"],
  "systemPackages.runtime": ["libpq5"],
  "systemPackages.omit": ["build-essential"],
  "runtime.copy": ["src", "app.py"],
  "runtime.workdir": "/srv",
  "runtime.command": ["python", "-m", "web"],
  "runtime.port": 9000,
  "runtime.user": { enabled: true, name: "web", uid: 2000 },
  "runtime.healthcheck": { enabled: true, path: "/ping" },
  "runtime.env": [{ name: "MODE", value: "production" }],
  "runtime.pythonDontWriteBytecode": false,
  "runtime.pythonUnbuffered": false,
  cacheMounts: false,
  selfCheck: false,
  platform: "linux/arm64",
};

/** Text a CLI user would type for a value, per the flag's reader. */
const CLI_TEXT: Record<string, (v: unknown) => string> = {
  text: (v) => String(v),
  list: (v) => (v as string[]).join(","),
  requirements: (v) => (v as Parameters<typeof formatRequirement>[0][]).map(formatRequirement).join(","),
};
/** Text each CLI reader passes on that the schema refuses. */
const CLI_BAD: Record<string, string> = { text: "x\nRUN id", list: "gcc && curl", requirements: "ok,`id`" };

const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");

describe("the field declarations", () => {
  it("name each path, parameter, draft slot and CLI flag once, and cover every leaf of the spec", () => {
    const unique = (xs: string[]) => expect(new Set(xs).size).toBe(xs.length);
    unique(FIELDS.map((f) => f.path));
    unique(FIELDS.map((f) => f.share.param));
    unique(FIELDS.map((f) => ("key" in f.draft ? `${f.draft.slot}.${f.draft.key}` : f.draft.slot)));
    unique(FIELDS.flatMap((f) => ("flag" in f.cli ? [f.cli.flag] : [])));
    const leaves = (o: unknown, prefix: string): string[] =>
      o && typeof o === "object" && !Array.isArray(o) && !FIELDS.some((f) => f.path === prefix)
        ? Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    expect(leaves(DEFAULT_SPEC, "").sort()).toEqual(FIELDS.map((f) => f.path).sort());
    const paths = new Set<string>(FIELDS.map((f) => f.path));
    expect(FIELDS.flatMap((f) => ("rules" in f ? f.rules.flatMap((r) => r.reads) : [])).filter((p) => !paths.has(p))).toEqual([]);
  });

  describe.each(FIELDS.map((f) => [f.path, f] as const))("%s", (path, f) => {
    const sample = SAMPLES[path];
    const spec = setAt(LINK_BASELINE, path, sample) as BuildSpec;

    it("schema: the sample and the default are valid; an omitted value means the default, or is refused", () => {
      expect(parseSpec(spec)).toEqual({ ok: true, spec });
      expect(sample).not.toEqual(getAt(LINK_BASELINE, path));
      const omitted = setAt(LINK_BASELINE, path, undefined);
      const r = BuildSpecSchema.safeParse(omitted);
      if ("default" in f) {
        expect(r.success && getAt(r.data, path)).toEqual(f.default);
      } else {
        expect(r.success).toBe(false);
        expect(r.error?.issues[0].path.join(".")).toBe(path);
      }
    });

    it("share: the readable and the compact forms carry the sample exactly", () => {
      const param = PARAMS.find((p) => p.field === path)!;
      expect(param.name).toBe(f.share.param);
      const texts = param.write(sample, getAt(LINK_BASELINE, path));
      if (texts) {
        const query = new URLSearchParams(texts.map((t) => [param.name, t]));
        expect(searchParamsToSpec(query)).toEqual({ spec, dropped: [] });
      }
      for (const short of [true, false]) {
        const compact = `s=1.${b64url(JSON.stringify({ [param.name]: param.toJson(sample, short) }))}`;
        expect(searchParamsToSpec(compact)).toEqual({ spec, dropped: [] });
      }
      const link = encodeShare(spec);
      expect(link.ok && searchParamsToSpec(link.query).spec).toEqual(spec);
      if (link.ok && link.form === "readable") expect(link.params.has(param.name)).toBe(true);
    });

    it("draft: spec → draft → spec, and a stored draft restores, its malformed slot from the base", () => {
      const draft = specToDraft(spec);
      const { input, issues } = draftToInput(draft);
      expect(issues).toEqual([]);
      expect(parseSpec(input)).toEqual({ ok: true, spec });
      expect(restoreDraft(JSON.parse(JSON.stringify(draft)), draft)).toEqual(draft);
      const base = specToDraft(LINK_BASELINE);
      const slot = "key" in f.draft ? `${f.draft.slot}.${f.draft.key}` : f.draft.slot;
      expect(getAt(draft, slot)).not.toEqual(getAt(base, slot));
      const malformed = setAt(JSON.parse(JSON.stringify(draft)), slot, typeof getAt(draft, slot) === "object" ? "x" : { x: 1 });
      expect(restoreDraft(malformed, base)).toEqual(setAt(draft, slot, getAt(base, slot)));
    });

    it("label: the page names the field and what is below it", () => {
      expect(f.label.trim()).not.toBe("");
      expect(fieldLabel(path)).toBe(f.label);
      expect(fieldLabel(`${path}.0.name`)).toBe(f.label);
    });

    it("CLI: its flag sets it and names it in errors, or the declaration says why there is none", () => {
      if (!("flag" in f.cli)) {
        expect(f.cli.none.trim()).not.toBe("");
        expect(USAGE).not.toContain(`--${f.share.param} `);
        return;
      }
      const { flag, read } = f.cli;
      if (read === "off") {
        // A flag without a value: it turns off what the CLI's starting spec (DEFAULT_SPEC) has on.
        expect(USAGE).toContain(`  --${flag} `);
        expect(getAt(DEFAULT_SPEC, path)).toBe(true);
        expect(getAt(specFromFlags({}), path)).toBe(true);
        expect(getAt(specFromFlags({ [flag]: true }), path)).toBe(false);
        return;
      }
      expect(USAGE).toContain(`  --${flag} ${f.cli.arg} `);
      expect(getAt(specFromFlags({ [flag]: CLI_TEXT[read](sample) }), path)).toEqual(sample);
      expect(() => specFromFlags({ [flag]: CLI_BAD[read] })).toThrow(CliError);
      expect(() => specFromFlags({ [flag]: CLI_BAD[read] })).toThrow(new RegExp(`^--${flag}: `));
    });
  });
});
