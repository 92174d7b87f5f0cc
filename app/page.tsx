import { Wizard } from "@/components/wizard/wizard";
import { generate } from "@/lib/generate";
import { LINK_ERROR_PARAM, linkErrorMessage, parseLinkError } from "@/lib/http/request-guard.mjs";
import { encodeShare, searchParamsToSpec, type DecodedShare } from "@/lib/share";
import { DEFAULT_SPEC } from "@/lib/spec";
import { toServedOutput } from "@/lib/wizard/output";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The wizard. A share link's parameters are decoded here, so the server-rendered page already
 * shows that link's Dockerfile (and works without JavaScript); without parameters it is the default.
 * A link the production server refused before rendering (too long, too many parameters: see
 * lib/http/request-guard.mjs) arrives as `?link_error=<code>`: the default build, and why.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  const fromUrl = [...query.keys()].length > 0;
  const decoded: DecodedShare = query.has(LINK_ERROR_PARAM)
    ? { spec: DEFAULT_SPEC, dropped: [{ field: "query", param: LINK_ERROR_PARAM, message: linkErrorMessage(parseLinkError(query.get(LINK_ERROR_PARAM))) }] }
    : fromUrl
      ? searchParamsToSpec(query)
      : { spec: DEFAULT_SPEC, dropped: [] };
  // The output and the estimate are computed here, so the page hydrates without the engine (zod, the package
  // knowledge, resolve and render: lib/engine.ts) and without Debian's package data; it loads both afterwards.
  const generated = generate(decoded.spec);
  // The link's canonical form (what the page's URL becomes), also computed here so the page need not load the engine for it.
  const share = encodeShare(decoded.spec);
  const initial = { output: toServedOutput(generated), estimate: generated.estimate, query: share.ok ? share.query : null };
  return <Wizard spec={decoded.spec} presetId={decoded.preset ?? null} fromUrl={fromUrl} dropped={decoded.dropped} initial={initial} />;
}
